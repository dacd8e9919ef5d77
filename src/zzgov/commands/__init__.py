"""Subcommands beyond parse/validate/schema, one module each, found by file name.

A module `zzgov/commands/foo_bar.py` that defines a click command named `command` becomes
`zzgov foo-bar`.  Modules are imported only when their command runs (or for --help), which
keeps start-up fast for shell pipelines.
"""
