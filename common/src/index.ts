/**
 * Rules shared by the server, the kiosk and the admin app, one module per rule area
 * (`money/` today; CSV cells and environment parsing belong here too as they move over).
 */
export * from './money/index.js';
