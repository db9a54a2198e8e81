// One ajv instance for the kit's JSON schemas: manifests, reports and mutants are all checked the same way.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { KitError } from './kit-error.ts';
import { schemasDir } from './kit-paths.ts';

const ajv = new Ajv({ allErrors: true, strict: true });
const compiled = new Map<string, ValidateFunction>();

function validatorFor(schemaName: string): ValidateFunction {
  const cached = compiled.get(schemaName);
  if (cached) return cached;
  const file = path.join(schemasDir, `${schemaName}.schema.json`);
  let schema: object;
  try {
    schema = JSON.parse(readFileSync(file, 'utf8')) as object;
  } catch (error) {
    throw new KitError(`kit error: cannot read the schema ${path.relative(process.cwd(), file)}: ${(error as Error).message}`);
  }
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(schema);
  } catch (error) {
    throw new KitError(`kit error: the schema ${schemaName}.schema.json is invalid: ${(error as Error).message}`);
  }
  compiled.set(schemaName, validate);
  return validate;
}

/** Checks `data` against grading/schemas/<schemaName>.schema.json; a KitError lists every problem with its path. */
export function assertValid<T>(schemaName: string, data: unknown, what: string): T {
  const validate = validatorFor(schemaName);
  if (validate(data)) return data as T;
  const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '(top level)'} ${e.message ?? ''}${e.params && 'additionalProperty' in e.params ? `: ${String(e.params.additionalProperty)}` : ''}`);
  throw new KitError(`kit error: ${what} does not match ${schemaName}.schema.json`, problems);
}
