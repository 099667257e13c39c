export {
  EnvReader,
  EnvProblemsError,
  type EnvSource,
  type EnvReaderOptions,
  type ReadOptions,
} from './env-reader.js';
export {
  boolSchema,
  intSchema,
  listSchema,
  minLengthSchema,
  oneOfSchema,
  patternSchema,
  urlSchema,
} from './env-schemas.js';
