'use strict';
// Starts s3rver (tests/node_modules, installed by test.sh) on 127.0.0.1 for the S3 tests:
//   node serve.js <data dir> <bucket>...
// prints "port <n>" once listening, and exits when its standard input closes (the test fixture holds it open).
//
// s3rver 3.7.1 lists with a delimiter wrongly: its directory walk stops one folder below the prefix, so a
// folder holding only folders (AWSLogs/ -> <account>/ -> CloudTrail/ ...) is missing from CommonPrefixes.
// Real S3 groups every key under the prefix. The patch below walks every folder under the prefix and groups the keys
// the way S3 documents it (prefixes and keys in key order, MaxKeys counted on keys, continuation after the last key).
//
// s3rver 3.7.1 also encrypts its ListObjectsV2 continuation tokens with DES, which OpenSSL 3 (Node 17 and later)
// no longer offers: every listing of more than 1,000 keys failed with InternalError (`aws s3 sync` of 2,000 objects).
// The token only has to come back to s3rver itself, so 'des' becomes the identity below.
const crypto = require('crypto');
for (const name of ['createCipheriv', 'createDecipheriv']) {
  const real = crypto[name];
  crypto[name] = function patched(algorithm, ...rest) {
    if (algorithm !== 'des') {
      return real.call(this, algorithm, ...rest);
    }
    return { update: (data, encoding) => Buffer.from(data, encoding), final: () => Buffer.alloc(0) };
  };
}
const path = require('path');
const S3rver = require('s3rver');
const FilesystemStore = require('s3rver/lib/stores/filesystem');

const S3Object = require('s3rver/lib/models/object');
const { walk } = require('s3rver/lib/utils');

const original = FilesystemStore.prototype.listObjects;
FilesystemStore.prototype.listObjects = async function listObjects(bucket, options) {
  const { delimiter = '', prefix = '', startAfter = '', maxKeys = Infinity } = options;
  if (!delimiter) {
    return original.call(this, bucket, options);
  }
  // Walk every folder under the prefix (s3rver stores an object as <key>._S3rver_object), group keys into
  // common prefixes, and read metadata only for the keys returned.
  const bucketPath = this.getBucketPath(bucket);
  const suffix = '._S3rver_object';
  const prefixPath = [bucketPath, FilesystemStore.encodeKeyPath(prefix)].join('/');
  const all = [];
  for (const keyPath of walk(bucketPath, dir => dir.startsWith(prefixPath) || prefixPath.startsWith(dir))) {
    if (!keyPath.endsWith(suffix)) {
      continue;
    }
    const key = FilesystemStore.decodeKeyPath(keyPath.slice(bucketPath.length + 1, -suffix.length));
    if (key > startAfter && key.startsWith(prefix)) {
      all.push(key);
    }
  }
  all.sort();
  const seen = new Set();
  const commonPrefixes = [];
  const keys = [];
  let isTruncated = false;
  for (const key of all) {
    const idx = key.slice(prefix.length).indexOf(delimiter);
    if (idx !== -1) {
      const common = key.slice(0, prefix.length + idx + delimiter.length);
      if (!seen.has(common) && !(startAfter && startAfter.startsWith(common))) {
        seen.add(common);
        commonPrefixes.push(common);
      }
      continue;
    }
    if (keys.length >= maxKeys) {
      isTruncated = true;
      break;
    }
    keys.push(key);
  }
  const objects = [];
  for (const key of keys) {
    try {
      objects.push(new S3Object(bucket, key, null, await this.getMetadata(bucket, key)));
    } catch (err) {
      if (err.code !== 'ENOENT') throw err;
    }
  }
  const last = isTruncated && keys.length > 0 ? keys[keys.length - 1] : null;
  return { objects, commonPrefixes: last === null ? commonPrefixes : commonPrefixes.filter(p => p < last), isTruncated };
};

const [directory, ...buckets] = process.argv.slice(2);
const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory: path.resolve(directory),
  configureBuckets: buckets.map(name => ({ name, configs: [] })),
});
server.run((err, { port } = {}) => {
  if (err) {
    console.error(err.message);
    process.exit(1);
  }
  console.log(`port ${port}`);
});
process.stdin.on('data', () => {});
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.on('close', () => process.exit(0));
