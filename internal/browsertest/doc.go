// Package browsertest runs headless Chromium for the tests that need a
// real browser: what a person sees in a page, its scripts run, its
// clipboard, its reloads. It is test support, as net/http/httptest is,
// imported only by _test files.
//
// Debian's chromium is the browser CI installs. Without one, a test that
// needs it is skipped on a developer's machine and fails when the CI
// environment variable is set: CI must never pass by skipping.
package browsertest
