// The agency's own help in the policy: helpdesk contacts and extra remediation steps per check, which
// end the remediation of a failing or warning check. A policy without them adds nothing.
import { z } from 'zod';
import { localizedTextSchema } from '../../../shared/domain';

export const agencyContactSchema = z
  .object({
    /** Name of the desk or team, e.g. "Helpdesk TI Biro Umum". */
    name: localizedTextSchema,
    phone: z
      .string()
      .regex(/^\+?[0-9][0-9 ()-]{4,24}$/, 'must be a phone number of digits, spaces, brackets and hyphens, e.g. +62 21 3868 0000')
      .optional(),
    email: z.email('must be an e-mail address, e.g. helpdesk@instansi.go.id').optional(),
    /** Service hours as prose, e.g. "Senin–Jumat 08.00–16.00 WIB". */
    hours: localizedTextSchema.optional(),
  })
  .refine((contact) => contact.phone !== undefined || contact.email !== undefined, {
    message: 'is missing both a phone number and an e-mail address; add at least one so the user can reach the desk',
  });

export const agencySupportSchema = z.object({
  contacts: z.array(agencyContactSchema).max(5).default([]),
  /** Steps the agency adds to each check's own remediation, e.g. where its VPN client is downloaded. */
  remediation: z
    .object({
      speed: z.array(localizedTextSchema).max(10).optional(),
      vpn: z.array(localizedTextSchema).max(10).optional(),
      power: z.array(localizedTextSchema).max(10).optional(),
    })
    .default({}),
});

export type AgencyContact = z.infer<typeof agencyContactSchema>;
export type AgencySupport = z.infer<typeof agencySupportSchema>;
