/** Replaced at build time by vite.config.ts with the contract's channel names (see renderer/src/web-bridge.ts). */
declare const __CLAWTRAY_CHANNELS__: import('../../shared/api').ChannelNames;
