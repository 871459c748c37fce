/**
 * The build-reuse boundary in `astro build` (src/lib/build-reuse.ts): decides
 * once whether this build reuses the last one's work, says why not when it
 * was not asked to be off, and turns on what relies on Astro internals only
 * when it does: the incremental build and the content store read from its
 * file. The lean content loader and the saved topics and related lists read
 * the decision (build-record.ts).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { setBuildCodeVersion, setBuildReuse, setProjectRoot } from '../lib/build-record.ts';
import { codeVersion } from '../lib/code-version.ts';
import { buildReuseFor, type BuildReuseSetting } from '../lib/build-reuse.ts';
import { STORE_FILE, storeModulePlugin } from './store-module.ts';

export function buildReuse(setting: BuildReuseSetting): AstroIntegration {
  return {
    name: 'daily-papers:build-reuse',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig, logger }) => {
        const root = fileURLToPath(config.root);
        // The store keeps no abstracts; pages read them from the files it names relative to the
        // project (src/lib/papers/bodies.ts), wherever the build runs from. A global, not a Vite
        // define, which Astro would hash into its cache keys.
        setProjectRoot(root);
        const reuse = buildReuseFor(setting, root);
        setBuildReuse(reuse.on);
        if (reuse.warning) logger.warn(reuse.warning);
        setBuildCodeVersion(reuse.on ? await codeVersion(root) : undefined);
        if (!reuse.on) return;
        updateConfig({ experimental: { incrementalBuild: true } });
        if (command === 'build' && config.output === 'static') {
          const storeFile = fileURLToPath(new URL(STORE_FILE, config.cacheDir));
          updateConfig({ vite: { plugins: [storeModulePlugin(storeFile)] } });
        }
      },
    },
  };
}
