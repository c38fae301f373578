// Indonesian time zone names as people write them. Indonesia has no daylight saving time.
const abbreviations: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** WIB, WITA or WIT for the office zones; the IANA name for any other zone. */
export function zoneAbbreviation(zone: string): string {
  return abbreviations[zone] ?? zone;
}

/** Clock time of an instant in the zone, written the Indonesian way ("08.05"). */
export function formatClock(instant: number, zone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant),
  );
  return text.replace(':', '.');
}
