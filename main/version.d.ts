/** Replaced at build time by scripts/build.mjs with package.json's version. */
declare const __CLAWTRAY_VERSION__: string;
