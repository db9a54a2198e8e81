// HTTP dates (RFC 9110 §5.6.7): one format to send, three formats to understand.

/** The IMF-fixdate of a moment, for Date and Last-Modified ("Sun, 06 Nov 1994 08:49:37 GMT"). */
export function formatHttpDate(date: Date): string {
  // TODO 1: IMF-fixdate. (Hint: one method of Date writes exactly this format.)
  void date;
  return '';
}

/** Seconds since 1970 of an HTTP-date in any of the three formats; undefined when it is not a valid one. */
export function parseHttpDate(text: string): number | undefined {
  // TODO 2: accept exactly these three, and nothing else (Date.parse accepts far more):
  //           Sun, 06 Nov 1994 08:49:37 GMT     IMF-fixdate
  //           Sunday, 06-Nov-94 08:49:37 GMT    RFC 850 (a two-digit year: more than 50 years ahead means last century)
  //           Sun Nov  6 08:49:37 1994          asctime (the day padded with a space)
  //         Check the ranges (31 Nov is not a date) and return whole seconds.
  void text;
  return undefined;
}
