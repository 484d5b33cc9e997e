import type { ClawtrayApi } from '../shared/api';

declare global {
  interface Window {
    clawtray?: ClawtrayApi;
  }
}
export {};
