import { electronExecutable, flipSamDeskFuses, type AfterPackContext } from './fuses';

/** electron-builder's afterPack hook: the app is packed and not yet signed, the moment fuses must be flipped. */
export default async function afterPack(context: AfterPackContext): Promise<void> {
  const fuses = await flipSamDeskFuses(context);
  const flipped = Object.entries(fuses).filter(([key]) => /^\d+$/.test(key)).length;
  console.log(`  • fuses flipped and verified: ${String(flipped)} in ${electronExecutable(context)}`);
}
