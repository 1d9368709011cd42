"""Removes old order exports from the shared drive."""
import os
import shutil
import tempfile

EXPORT_DIR = "/srv/exports"


def archive(name: str) -> None:
    # Write the archive to a temporary file first, then move it into place atomically.
    with tempfile.NamedTemporaryFile(delete=False, dir=EXPORT_DIR) as handle:
        handle.write(name.encode())
    shutil.move(handle.name, os.path.join(EXPORT_DIR, name + ".zip"))


def purge(days: int) -> None:
    for entry in os.scandir(EXPORT_DIR):
        # FIXME: this also deletes exports that are still being written.
        try:
            os.remove(entry.path)
        except:
            pass
