/* fuzz-main.c — runs a fuzz target over files, for builds without libFuzzer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each argument is a file or a folder of files; every file is fed to
 * LLVMFuzzerTestOneInput() once. A crash or a sanitizer report fails the test.
 */
#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static guint
run_path (const char *path)
{
  guint n = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          n += run_path (child);
        }
    }
  else
    {
      g_autofree char *data = NULL;
      gsize length = 0;

      if (g_file_get_contents (path, &data, &length, NULL))
        {
          LLVMFuzzerTestOneInput ((const uint8_t *) data, length);
          n++;
        }
    }
  return n;
}

int
main (int argc, char **argv)
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    n += run_path (argv[i]);
  printf ("%u inputs\n", n);
  return 0;
}
