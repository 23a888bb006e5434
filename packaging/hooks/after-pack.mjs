// electron-builder loads hooks as JavaScript; the hook is TypeScript (../after-pack.ts), run through tsx.
import { register } from 'tsx/esm/api';

register();
const { default: hook } = await import('../after-pack.ts');
export default hook;
