/**
 * The jobs a master knows: submission (validation, naming, job home set-up), kill, purge and
 * clean; the registry of jobs by name; what is known of each job over its life and its record on
 * disk ({@code job.json}), from which a restarted master restores it.
 */
package io.jdisco.local.internal.jobs;
