// Checks an XML document against an XSD of the kind JUnit schemas are (global elements, element refs in sequences
// and choices, attributes with `use`, mixed or simple text), read from the schema file itself: no network, no Java.
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

interface ElementRule { children: Set<string>; attributes: Set<string>; required: Set<string>; text: boolean }
type Node = Record<string, unknown>;

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, trimValues: false });

function walk(node: unknown, visit: (key: string, value: Node) => void): void {
  if (Array.isArray(node)) { for (const item of node) walk(item, visit); return; }
  if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node as Node)) {
      if (key === ':@') continue;
      visit(key, node as Node);
      walk(value, visit);
    }
  }
}

/** The rules of every global element of the schema at `file`. */
export function readSchema(file: string): Map<string, ElementRule> {
  const rules = new Map<string, ElementRule>();
  const schema = parser.parse(readFileSync(file, 'utf8')) as Node[];
  const root = schema.find((node) => 'xs:schema' in node)!['xs:schema'] as Node[];
  for (const element of root.filter((node) => 'xs:element' in node)) {
    const attrs = element[':@'] as Record<string, string>;
    const rule: ElementRule = { children: new Set(), attributes: new Set(), required: new Set(), text: attrs.type === 'xs:string' };
    walk(element['xs:element'], (key, holder) => {
      const own = (holder[':@'] ?? {}) as Record<string, string>;
      if (key === 'xs:complexType' && own.mixed === 'true') rule.text = true;
      if (key === 'xs:element' && own.ref) rule.children.add(own.ref);
      if (key === 'xs:attribute') { rule.attributes.add(own.name); if (own.use === 'required') rule.required.add(own.name); }
    });
    rules.set(attrs.name, rule);
  }
  return rules;
}

/** Every way `xmlText` breaks the schema's rules, as readable lines; empty when it is valid. */
export function schemaProblems(xmlText: string, rules: Map<string, ElementRule>): string[] {
  const wellFormed = XMLValidator.validate(xmlText);
  if (wellFormed !== true) return [`not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line})`];
  const problems: string[] = [];
  const check = (name: string, node: Node, where: string) => {
    const rule = rules.get(name);
    if (!rule) { problems.push(`${where}: <${name}> is not an element of the schema`); return; }
    const attrs = (node[':@'] ?? {}) as Record<string, string>;
    for (const attr of Object.keys(attrs)) if (!rule.attributes.has(attr)) problems.push(`${where}: <${name}> may not have the attribute ${attr}`);
    for (const attr of rule.required) if (!(attr in attrs)) problems.push(`${where}: <${name}> lacks the required attribute ${attr}`);
    for (const child of node[name] as Node[]) {
      const key = Object.keys(child).find((k) => k !== ':@')!;
      if (key === '#text') {
        if (!rule.text && String(child['#text']).trim() !== '') problems.push(`${where}: <${name}> may not hold text`);
      } else if (!rule.children.has(key)) {
        problems.push(`${where}: <${name}> may not contain <${key}>`);
      } else {
        check(key, child, `${where}/${key}`);
      }
    }
  };
  const top = (parser.parse(xmlText) as Node[]).filter((node) => !('?xml' in node) && !('#text' in node));
  for (const node of top) {
    const name = Object.keys(node).find((k) => k !== ':@')!;
    check(name, node, name);
  }
  return problems;
}
