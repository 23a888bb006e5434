// electron-builder loads hooks as JavaScript; the hook is TypeScript (../after-sign.ts), run through tsx.
import { register } from 'tsx/esm/api';

register();
const { default: hook } = await import('../after-sign.ts');
export default hook;
