// The project's WXT config with the output elsewhere, so the branded-build test never touches .output (which the
// end-to-end tests load). TW_BRAND_OUT names the folder.
import config from '../../wxt.config';

export default { ...config, outDir: process.env.TW_BRAND_OUT ?? '.output-brand-test' };
