/**
 * The commands that run a master or control the jobs of one: {@code master}, {@code jobs},
 * {@code counters}, {@code events}, {@code results}, {@code kill} and {@code purge}.
 */
package io.jdisco.cli.master;
