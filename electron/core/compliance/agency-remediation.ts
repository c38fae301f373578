// Ends the remediation of a failing or warning check with the agency's own steps for that check and
// then its helpdesk contacts, both from the policy. Passing, unknown and broken checks are unchanged,
// and so is every check when the policy names no agency support.
import type { CheckResult, LocalizedText } from '../../../shared/domain';
import type { AgencyContact, AgencySupport } from '../policy/agency-support';

/** Returns the result with the agency's steps and contacts appended when its verdict is fail or warn. */
export function withAgencyRemediation(result: CheckResult, support: AgencySupport | undefined): CheckResult {
  if (!support || (result.verdict !== 'fail' && result.verdict !== 'warn')) return result;

  const extra = [...(support.remediation[result.check] ?? []), ...support.contacts.map(contactText)];
  if (extra.length === 0) return result;
  return { ...result, remediation: [...result.remediation, ...extra] };
}

/** Writes one contact as a remediation step: "… hubungi Helpdesk TI: telepon …, surel …, layanan …". */
export function contactText(contact: AgencyContact): LocalizedText {
  const idParts = [
    ...(contact.phone ? [`telepon ${contact.phone}`] : []),
    ...(contact.email ? [`surel ${contact.email}`] : []),
    ...(contact.hours ? [`layanan ${contact.hours.id}`] : []),
  ];
  const enParts = [
    ...(contact.phone ? [`phone ${contact.phone}`] : []),
    ...(contact.email ? [`e-mail ${contact.email}`] : []),
    ...(contact.hours ? [`hours ${contact.hours.en}`] : []),
  ];
  return {
    id: `Bila masih belum teratasi, hubungi ${contact.name.id}: ${idParts.join(', ')}.`,
    en: `If this does not solve it, contact ${contact.name.en}: ${enParts.join(', ')}.`,
  };
}
