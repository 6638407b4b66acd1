// The boundaries between the server's layers and modules, as an ESLint rule (`minyi/boundaries`):
// - a module (server/src/modules/<name>/**, its tests included) imports another module only through that
//   module's `index.ts` or its `<name>.events.ts` (the events it publishes, a leaf file); never the module
//   list (server/src/modules/index.ts). Tests build fixtures from other modules' tables through the
//   harness (server/test/tables.ts), not by reaching into those modules;
// - the platform (server/src/platform/**) imports no module: a module registers with it (platform/module.ts);
// - the database layer (server/src/db/**) imports neither the platform nor the modules.
import path from 'node:path';

const root = import.meta.dirname;
const SRC = 'server/src';
const MODULES = `${SRC}/modules`;

/** The repository-relative path an import names, without its extension and its `/index`. */
function target(fromFile, specifier) {
  if (!specifier.startsWith('.')) return null;
  const abs = path.resolve(path.dirname(fromFile), specifier);
  return path
    .relative(root, abs)
    .split(path.sep)
    .join('/')
    .replace(/\.(ts|tsx|js|mjs)$/, '')
    .replace(/\/index$/, '');
}

const under = (p, dir) => p === dir || p.startsWith(`${dir}/`);

/** Why the import is refused, or null. */
export function violation(file, specifier) {
  const from = path.relative(root, file).split(path.sep).join('/');
  const to = target(file, specifier);
  if (to === null) return null;
  if (under(from, MODULES) && from.split('/').length > 4) {
    const own = from.split('/')[3];
    if (to === MODULES) return 'a module does not import the module list (server/src/modules/index.ts)';
    if (under(to, MODULES)) {
      const [other, ...rest] = to.slice(MODULES.length + 1).split('/');
      const inner = rest.join('/');
      if (other !== own && inner !== '' && inner !== `${other}.events`)
        return `a module imports another module only through its index.ts or ${other}.events.ts, not ${to}`;
    }
    return null;
  }
  if (under(from, `${SRC}/platform`) && under(to, MODULES))
    return 'the platform imports no module: a module registers with it (platform/module.ts)';
  if (under(from, `${SRC}/db`))
    if (under(to, `${SRC}/platform`) || under(to, MODULES))
      return 'the database layer imports neither the platform nor the modules';
  return null;
}

const rule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Modules talk through each other’s index.ts; platform and db do not import upward.',
    },
    schema: [],
  },
  create(context) {
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const why = violation(context.filename, source.value);
      if (why) context.report({ node: source, message: why });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { boundaries: rule } };
