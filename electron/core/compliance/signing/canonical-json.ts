// The serialiser lives in shared/ because the reference central server verifies signatures too.
export { canonicalJson } from '../../../../shared/canonical-json';
