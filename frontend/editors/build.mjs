// Bundles src/editors.js and src/editors.css into Cockpit's vendor folder, with the versions, the
// licences and the checksums of what went in (docs/adr/0023); run through ./build.
import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import {mkdir, readFile, readdir, rm, writeFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import * as esbuild from 'esbuild';

const require = createRequire(import.meta.url);
const compileConfig = require('bpmnlint/lib/support/compile-config');

const OUT = '../../src/main/resources/META-INF/resources/webjars/camunda/app/cockpit/gongzu/modeler/vendor';

// .bpmnlintrc compiled as bpmnlint's own packers do: a module that imports every enabled rule
const bpmnlintConfig = {
  name: 'bpmnlint-config',
  setup(build) {
    build.onResolve({filter: /^gongzu:bpmnlint-config$/}, () => ({path: 'bpmnlint-config', namespace: 'bpmnlint'}));
    build.onLoad({filter: /.*/, namespace: 'bpmnlint'}, async () => ({
      contents: await compileConfig(JSON.parse(await readFile('.bpmnlintrc', 'utf8'))),
      resolveDir: process.cwd(),
      loader: 'js'
    }));
  }
};

const common = {bundle: true, minify: true, legalComments: 'none', logLevel: 'info', target: 'es2020',
  metafile: true};

await rm(OUT, {recursive: true, force: true});
await mkdir(OUT, {recursive: true});
const js = await esbuild.build({...common, entryPoints: {editors: 'src/editors.js'}, format: 'esm', outdir: OUT,
  plugins: [bpmnlintConfig], define: {'process.env.NODE_ENV': '"production"'}});
// the fonts come embedded (woff/ttf); the IE-only eot and svg fallbacks are dropped
const css = await esbuild.build({...common, entryPoints: {editors: 'src/editors.css'}, outdir: OUT,
  loader: {'.eot': 'empty', '.svg': 'empty'}});

// every npm package with code or styles in the bundles, as its package-lock.json path
const lock = JSON.parse(await readFile('package-lock.json', 'utf8'));
const packages = [...new Set([js, css].flatMap(result => Object.keys(result.metafile.inputs))
  .map(input => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input))
  .filter(match => match)
  .map(match => match[1]))].sort();

const versions = packages.map(path => path.replace(/^node_modules\//, '') + ' ' + lock.packages[path].version);
await writeFile(OUT + '/VERSIONS.txt', '# npm packages bundled into editors.js and editors.css, as in ' +
  'frontend/editors/package-lock.json\n' + versions.join('\n') + '\n');

const licences = [];
for (const path of packages) {
  const meta = lock.packages[path];
  const file = (await readdir(path)).find(name => /^(LICEN[CS]E|COPYING)(\.(md|txt))?$/i.test(name));
  const text = file ? await readFile(path + '/' + file, 'utf8') : '(no licence file in the package; package.json says ' +
    meta.license + ')';
  licences.push('==== ' + path.replace(/^node_modules\//, '') + ' ' + meta.version + ' (' + meta.license + ')\n\n' +
    text.trim() + '\n');
}
await writeFile(OUT + '/LICENSES.txt', licences.join('\n'));

const files = (await readdir(OUT)).filter(name => name !== 'SHA256SUMS').sort();
const sums = await Promise.all(files.map(async name =>
  createHash('sha256').update(await readFile(OUT + '/' + name)).digest('hex') + '  ' + name));
await writeFile(OUT + '/SHA256SUMS', sums.join('\n') + '\n');
console.log(existsSync(OUT + '/editors.js') ? 'vendor: ' + files.join(', ') : 'no bundle');
