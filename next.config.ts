import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dirname = path.dirname(fileURLToPath(import.meta.url))

const nextConfig: NextConfig = {
  // Every visitor gets the page's <title> and meta tags in the <head>, resolved before the page
  // streams, as bots do: streamed metadata leaves pages briefly without a title after client
  // navigations and refreshes (a screen reader then announces nothing). Our metadata is cheap.
  htmlLimitedBots: /.*/,
  images: {
    localPatterns: [{ pathname: '/api/media/file/**' }],
  },
  poweredByHeader: false,
  // `tsc --noEmit` checks the whole project in CI; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  webpack: (webpackConfig) => {
    webpackConfig.resolve.extensionAlias = {
      '.cjs': ['.cts', '.cjs'],
      '.js': ['.ts', '.tsx', '.js', '.jsx'],
      '.mjs': ['.mts', '.mjs'],
    }
    return webpackConfig
  },
  turbopack: {
    root: path.resolve(dirname),
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
