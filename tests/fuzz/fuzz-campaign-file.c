/* fuzz-campaign-file.c — fuzz target: bytes as a campaign file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bytes go to tz_campaign_import_data() against one database in a
 * temporary folder; a document that imports is deleted again so that the
 * next input with the same uuid is read in full too. Whatever comes in, the
 * import must refuse it cleanly (one transaction, nothing half-written) or
 * import it: never crash, never leak. The folder is removed at exit.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "tz-campaign-file.h"
#include "tz-campaign.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static TzDb *db;
static char *tmpdir;

static void
cleanup (void)
{
  g_autofree char *path = NULL;
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&db);
  if (tmpdir == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strdup_printf ("%s/fuzz.db%s", tmpdir, suffixes[i]);
      g_unlink (p);
    }
  g_rmdir (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  gint64 id;

  if (db == NULL)
    {
      g_autofree char *path = NULL;

      tmpdir = g_dir_make_tmp ("tz-fuzz-campaign-XXXXXX", NULL);
      path = g_build_filename (tmpdir, "fuzz.db", NULL);
      db = tz_db_open (path, NULL);
      if (db == NULL)
        abort ();
      atexit (cleanup);
    }
  id = tz_campaign_import_data (db, (const char *) data, (gssize) size, &error);
  if (id > 0)
    {
      /* A file that imports exports, and its export imports again. */
      g_autofree char *again = tz_campaign_export_data (db, id, NULL);

      if (again == NULL || !tz_campaign_delete (db, id, NULL))
        abort ();
      id = tz_campaign_import_data (db, again, -1, NULL);
      if (id <= 0 || !tz_campaign_delete (db, id, NULL))
        abort ();
    }
  else if (error == NULL)
    abort ();
  return 0;
}
