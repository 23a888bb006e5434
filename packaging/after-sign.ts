import { notarize } from '@electron/notarize';
import { notarizationPlan } from './notarization';

interface AfterSignContext {
  readonly appOutDir: string;
  readonly electronPlatformName: string;
  readonly packager: { readonly appInfo: { readonly productFilename: string } };
}

/**
 * electron-builder's afterSign hook: notarizes and staples the signed macOS app when the environment carries Apple's
 * credentials (notarization.ts). Other platforms have nothing to notarize.
 */
export default async function afterSign(context: AfterSignContext): Promise<void> {
  if (context.electronPlatformName !== 'darwin') return;
  const plan = notarizationPlan(process.env);
  if (!plan.notarize) {
    console.log(`  • notarization skipped: ${plan.reason}`);
    return;
  }
  const { kind, ...credentials } = plan.credentials;
  const appPath = `${context.appOutDir}/${context.packager.appInfo.productFilename}.app`;
  console.log(`  • notarizing ${appPath} (credentials: ${kind})`);
  await notarize({ appPath, ...credentials });
}
