'use strict';
// Starts s3rver (tests/node_modules, installed by test.sh) on 127.0.0.1 for the S3 tests:
//   node serve.js <data dir> <bucket>...
// prints "port <n>" once listening, and exits when its standard input closes (the test fixture holds it open).
//
// s3rver 3.7.1 lists with a delimiter wrongly: its directory walk stops one folder below the prefix, so a
// folder holding only folders (AWSLogs/ -> <account>/ -> CloudTrail/ ...) is missing from CommonPrefixes.
// Real S3 groups every key under the prefix. The patch below lists without the delimiter and groups the keys
// the way S3 documents it (prefixes and keys in key order, MaxKeys counted on keys, continuation after the last key).
const path = require('path');
const S3rver = require('s3rver');
const FilesystemStore = require('s3rver/lib/stores/filesystem');

const original = FilesystemStore.prototype.listObjects;
FilesystemStore.prototype.listObjects = async function listObjects(bucket, options) {
  const { delimiter = '', prefix = '', startAfter = '', maxKeys = Infinity } = options;
  if (!delimiter) {
    return original.call(this, bucket, options);
  }
  const all = await original.call(this, bucket, { ...options, delimiter: '', maxKeys: Infinity });
  const seen = new Set();
  const commonPrefixes = [];
  const objects = [];
  let isTruncated = false;
  for (const o of all.objects) {
    const idx = o.key.slice(prefix.length).indexOf(delimiter);
    if (idx !== -1) {
      const common = o.key.slice(0, prefix.length + idx + delimiter.length);
      if (!seen.has(common) && !(startAfter && startAfter.startsWith(common))) {
        seen.add(common);
        commonPrefixes.push(common);
      }
      continue;
    }
    if (objects.length >= maxKeys) {
      isTruncated = true;
      break;
    }
    objects.push(o);
  }
  if (isTruncated) {
    const last = objects[objects.length - 1].key;
    return { objects, commonPrefixes: commonPrefixes.filter(p => p < last), isTruncated };
  }
  return { objects, commonPrefixes, isTruncated };
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
