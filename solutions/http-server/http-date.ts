// HTTP dates (RFC 9110 §5.6.7): one format to send, three formats to understand.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d\\d):(\\d\\d):(\\d\\d)';

// Sun, 06 Nov 1994 08:49:37 GMT     IMF-fixdate, the preferred format
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d\\d) ${MONTH} (\\d{4}) ${TIME} GMT$`);
// Sunday, 06-Nov-94 08:49:37 GMT    the obsolete RFC 850 format, with a two-digit year
const RFC_850 = new RegExp(`^${LONG_DAY}, (\\d\\d)-${MONTH}-(\\d\\d) ${TIME} GMT$`);
// Sun Nov  6 08:49:37 1994          C's asctime() format, the day padded with a space
const ASCTIME = new RegExp(`^${DAY} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`);

/** The IMF-fixdate of a moment, for Date and Last-Modified: toUTCString() writes exactly that format. */
export function formatHttpDate(date: Date): string {
  return date.toUTCString();
}

/** Seconds since 1970 of an HTTP-date in any of the three formats; undefined when it is not a valid one. */
export function parseHttpDate(text: string): number | undefined {
  let parts: { day: string; month: string; year: number; hour: string; minute: string; second: string } | undefined;
  let m: RegExpExecArray | null;
  if ((m = IMF_FIXDATE.exec(text))) {
    parts = { day: m[1], month: m[2], year: Number(m[3]), hour: m[4], minute: m[5], second: m[6] };
  } else if ((m = RFC_850.exec(text))) {
    parts = { day: m[1], month: m[2], year: fullYear(Number(m[3])), hour: m[4], minute: m[5], second: m[6] };
  } else if ((m = ASCTIME.exec(text))) {
    parts = { day: m[2], month: m[1], year: Number(m[6]), hour: m[3], minute: m[4], second: m[5] };
  }
  if (!parts) return undefined;
  const [day, month, hour, minute, second] = [Number(parts.day), MONTHS.indexOf(parts.month), Number(parts.hour),
    Number(parts.minute), Number(parts.second)];
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const ms = Date.UTC(parts.year, month, day, hour, minute, Math.min(second, 59));
  // Date.UTC rolls 31 Nov over to 1 Dec: such a date is not valid.
  if (new Date(ms).getUTCDate() !== day) return undefined;
  return ms / 1000;
}

/** RFC 9110 §5.6.7: a two-digit year more than 50 years in the future is in the past century. */
function fullYear(twoDigits: number): number {
  const thisYear = new Date().getUTCFullYear();
  let year = thisYear - (thisYear % 100) + twoDigits;
  if (year > thisYear + 50) year -= 100;
  return year;
}
