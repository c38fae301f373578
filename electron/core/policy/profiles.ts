// Built-in policy profiles. The article's figures could not be confirmed in any regulation, so they
// live here as one profile among others, next to the hours of Perpres 21/2023.
import { allowancesUnset } from '../claims/policy-schema';
import { trainingUnset } from '../training/policy-schema';
import { reportsPolicyDefaults } from '../reports/policy';
import { requestsHandlingDefaults } from '../requests/policy-schema';
import { complianceScheduleDefaults, presenceDefaults, remindersDefaults, type Policy } from './schema';

const articleDay = { start: '08:00', end: '16:00', breakMinutes: 0 };

const jobCategories: Policy['jobCategories'] = {
  administrative: { name: { id: 'Administrasi', en: 'Administrative' }, wfhPercent: 60, wfhDaysPerWeek: 3 },
  publicService: { name: { id: 'Pelayanan publik', en: 'Public service' }, wfhPercent: 20, wfhDaysPerWeek: 1 },
  supervisionAudit: { name: { id: 'Pengawasan/audit', en: 'Supervision/audit' }, wfhPercent: 40, wfhDaysPerWeek: 2 },
};

/** The article "WFH ASN 2026": 40 h a week, 08.00–16.00 WIB, at least 10 Mbps, 2 h urgent and 30 min emergency replies. */
export const articleProfile: Policy = {
  id: 'artikel-wfh-asn-2026',
  version: '2026.1',
  name: { id: 'Artikel WFH ASN 2026', en: 'WFH ASN 2026 article' },
  source: {
    id: 'Artikel "WFH ASN 2026"; angka belum terkonfirmasi dalam peraturan resmi',
    en: 'The "WFH ASN 2026" article; its figures are not confirmed by any official regulation',
  },
  zone: 'Asia/Jakarta',
  worktime: {
    weeklyCapMinutes: 40 * 60,
    schedule: { '1': articleDay, '2': articleDay, '3': articleDay, '4': articleDay, '5': articleDay },
    presence: presenceDefaults,
    // The article's 40-hour limit: notices at 36 h and 39 h, then at the cap; the session keeps running.
    cap: { notifyAtMinutes: [36 * 60, 39 * 60], onReach: 'warn' },
    reminders: remindersDefaults,
  },
  speed: { minDownloadMbps: 10, minUploadMbps: 10, thresholdMeaning: 'link-rate', endpoint: null },
  vpn: { internalSubnets: [], adapterHints: [] },
  power: { minBatteryHealthPercent: 80, minChargePercent: 50, minUpsRuntimeSeconds: 600 },
  // The article names no interval for the checks; schema.ts explains the product defaults.
  complianceSchedule: complianceScheduleDefaults,
  requests: { urgentResponseMinutes: 120, emergencyResponseMinutes: 30, handling: requestsHandlingDefaults },
  jobCategories,
  // Rule 7: internet Rp 500.000 a month, workspace setup Rp 5.000.000 once, electricity Rp 200.000 a
  // month, decided within 14 working days, phased start from January 2026. Receipt limits are product values.
  allowances: {
    types: {
      internet: { frequency: 'monthly', amountRupiah: 500_000 },
      'workspace-setup': { frequency: 'once', amountRupiah: 5_000_000 },
      electricity: { frequency: 'monthly', amountRupiah: 200_000 },
    },
    approvalWorkingDays: 14,
    firstMonth: '2026-01',
    receipts: { maxBytes: 2 * 1024 * 1024, maxPerClaim: 3, mediaTypes: ['application/pdf', 'image/jpeg', 'image/png'] },
  },
  // Rule 6: certified within the first 6 months of the January 2026 start, then Rp 300.000 a month.
  // The reminder lead times are product values.
  training: {
    programmeStart: '2026-01-01',
    deadlineMonths: 6,
    competencyAllowanceRupiah: 300_000,
    reminderDaysBefore: [30, 14, 7, 1],
    reminderTime: '09:00',
  },
  // The article sets no attachment limit and no central targets; both are product defaults.
  reports: reportsPolicyDefaults,
};

const perpresMonThu = { start: '07:30', end: '16:00', breakMinutes: 60 };
const perpresFriday = { start: '07:30', end: '16:30', breakMinutes: 90 };

/**
 * Perpres 21/2023: 37.5 hours a week without breaks, Monday to Friday from 07.30 local time, with
 * 60-minute breaks Monday to Thursday and 90 minutes on Friday. Ramadan hours follow the MenPANRB
 * circulars: Mon–Thu 08.00–15.00 with 30 minutes' break, Fri 08.00–15.30 with 60 minutes; 1 Ramadan
 * 1447 H fell on 19 February 2026.
 */
export const perpresProfile: Policy = {
  id: 'perpres-21-2023',
  version: '2026.1',
  name: { id: 'Perpres 21/2023 (jam kerja ASN)', en: 'Perpres 21/2023 (civil-service hours)' },
  source: {
    id: 'Peraturan Presiden Nomor 21 Tahun 2023 tentang Hari Kerja dan Jam Kerja Instansi Pemerintah',
    en: 'Presidential Regulation 21/2023 on working days and hours of government agencies',
  },
  zone: 'Asia/Jakarta',
  worktime: {
    weeklyCapMinutes: 37 * 60 + 30,
    schedule: { '1': perpresMonThu, '2': perpresMonThu, '3': perpresMonThu, '4': perpresMonThu, '5': perpresFriday },
    ramadan: {
      from: '2026-02-19',
      to: '2026-03-20',
      weeklyMinimumMinutes: 32 * 60 + 30,
      schedule: {
        '1': { start: '08:00', end: '15:00', breakMinutes: 30 },
        '2': { start: '08:00', end: '15:00', breakMinutes: 30 },
        '3': { start: '08:00', end: '15:00', breakMinutes: 30 },
        '4': { start: '08:00', end: '15:00', breakMinutes: 30 },
        '5': { start: '08:00', end: '15:30', breakMinutes: 60 },
      },
    },
    presence: presenceDefaults,
    cap: { notifyAtMinutes: [34 * 60, 36 * 60 + 30], onReach: 'warn' },
    reminders: remindersDefaults,
  },
  speed: { minDownloadMbps: 10, minUploadMbps: 10, thresholdMeaning: 'link-rate', endpoint: null },
  vpn: { internalSubnets: [], adapterHints: [] },
  power: { minBatteryHealthPercent: 80, minChargePercent: 50, minUpsRuntimeSeconds: 600 },
  // Perpres 21/2023 regulates hours, not workstation checks, so the schedule is the product default.
  complianceSchedule: complianceScheduleDefaults,
  requests: { urgentResponseMinutes: 120, emergencyResponseMinutes: 30, handling: requestsHandlingDefaults },
  jobCategories,
  // No regulation we could find confirms the article's allowance amounts, approval period or training
  // allowance, so they stay unset: nothing can be claimed and no programme deadline applies.
  allowances: allowancesUnset,
  training: trainingUnset,
  reports: reportsPolicyDefaults,
};

export const builtInProfiles: readonly Policy[] = [articleProfile, perpresProfile];
export const DEFAULT_PROFILE_ID = articleProfile.id;
