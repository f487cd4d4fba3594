/**
 * What a running classic task tells its user about itself: periodic progress lines, a JFR profile
 * on request, and stack traces trimmed to the user's frames. Not an API.
 */
package io.jdisco.worker.classic.internal.diagnostics;
