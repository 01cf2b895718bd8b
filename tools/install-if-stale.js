// Installs the project-local Node test tools (dynalite, cfn-lint) when tools/node_modules is missing or older than
// tools/package-lock.json, so `./mvnw -B -ntp verify` needs no separate `npm ci` step. Run by the parent pom
// (exec-maven-plugin) before each module's tests; a no-op when the tools are up to date.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const tools = __dirname;
const lock = path.join(tools, 'package-lock.json');
// npm writes this "hidden lockfile" at the end of every install, so its age is the age of the install.
const installed = path.join(tools, 'node_modules', '.package-lock.json');

const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  console.error(`[tools] Node.js 20+ is needed for the test tools, found ${process.versions.node}.`);
  process.exit(1);
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

if (mtime(installed) >= mtime(lock)) {
  process.exit(0);
}

console.log('[tools] tools/node_modules is missing or older than tools/package-lock.json: running npm ci --prefix tools');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--prefix', tools, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
  { stdio: 'inherit', shell: process.platform === 'win32' });
if (result.error) {
  console.error(`[tools] could not run npm: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status === null ? 1 : result.status);
