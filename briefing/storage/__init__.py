"""Brief files and the file handling beneath them: the format, YAML I/O, atomic writes, backups, file stamps."""
