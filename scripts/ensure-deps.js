#!/usr/bin/env node
// Installs the locked npm dependencies of a folder (default: the repository root) when
// they are missing or older than its package-lock.json; a no-op otherwise. Install
// scripts are not run: the only one, @pulumi/kubernetes's, downloads a provider plugin,
// which the toolchain builds instead.
"use strict";
const { createHash } = require("node:crypto");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

function ensureDeps(dir) {
    const lock = path.join(dir, "package-lock.json");
    const stamp = path.join(dir, "node_modules", ".installed-lock-hash");
    const hash = createHash("sha256").update(fs.readFileSync(lock)).digest("hex");
    if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === hash) return;
    console.error(`installing npm dependencies in ${path.relative(process.cwd(), dir) || "."} (npm ci)`);
    execFileSync("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], {
        cwd: dir,
        stdio: ["ignore", "inherit", "inherit"],
    });
    fs.writeFileSync(stamp, hash);
}

const dirs = process.argv.slice(2);
for (const dir of dirs.length > 0 ? dirs : [path.join(__dirname, "..")]) ensureDeps(path.resolve(dir));
