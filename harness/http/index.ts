// HTTP as the grader speaks it: one connection on the recorded stream, byte-exact responses, and their checks.
export { HttpConnection, type ReadOptions } from './http-connection.ts';
export { HttpAnswer, type CheckOptions } from './http-answer.ts';
export { ncLine } from './http-failure.ts';
export { curlCommand } from './curl-command.ts';
export { parseResponse, type HttpResponse } from './response-parser.ts';
