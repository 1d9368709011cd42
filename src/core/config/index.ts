// The configuration's public surface: load and validate `.quality/config.json`, then compile it.
export { compileEngineSettings, type ConfigOrigin } from './compile';
export { DEFAULT_CONFIG_PATH, displayPathFor, loadConfig, type ConfigStatus, type LoadedConfig } from './load';
export * from './model';
export { validateConfigText, validateConfigValues, type ConfigValidation, type ValidateOptions } from './validate';
