/* fuzz-package.c — fuzz target: bytes as an entry package, opened and previewed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bytes go to tz_package_open_bytes() against a database created once in a
 * temporary folder, holding the Heilongjiang campaign (the one the seed
 * packages belong to), so that valid-looking packages reach the data checks
 * and the comparison. Nothing is applied. The folder is removed at exit.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <gsf/gsf.h>
#include <string.h>

#include "tz-campaign-file.h"
#include "tz-package.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The Heilongjiang campaign's uuid (from its campaign file) and a sender. */
#define CAMPAIGN_UUID "45114e55-5788-4fcc-9849-7fa93f7bce2e"
#define SENDER_UUID   "cb9bcb8b-1e4d-419d-8f52-3bb1a745dc17"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutfile, g_object_unref)

static TzDb *db;
static char *tmpdir;

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
cleanup (void)
{
  g_clear_object (&db);
  if (tmpdir != NULL)
    remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

/* libgsf reports damaged zip headers with g_warning(): expected here. */
static void
ignore_log (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
}

/* A GLib critical is a bug, except the one libgsf 1.14 raises itself for a zip
 * entry whose DOS date is invalid (it unrefs the NULL GDateTime it got). */
static void
glib_critical (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  if (g_strcmp0 (message, "g_date_time_unref: assertion 'datetime != NULL' failed") == 0)
    return;
  g_printerr ("%s-CRITICAL: %s\n", domain, message);
  abort ();
}

static void
setup (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *campaign = NULL;

  /* Criticals (a failed precondition) still abort; warnings of libgsf about
   * the input do not. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_log_set_fatal_mask ("tz-package", G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_log_set_handler ("GLib", G_LOG_LEVEL_CRITICAL, glib_critical, NULL);
  g_log_set_handler ("GLib-GObject", G_LOG_LEVEL_CRITICAL, glib_critical, NULL);
  g_log_set_handler ("Json", G_LOG_LEVEL_CRITICAL, glib_critical, NULL);
  g_log_set_handler (NULL, G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE, ignore_log, NULL);
  g_log_set_handler ("libgsf", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE, ignore_log, NULL);
  g_log_set_handler ("libgsf:zip", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE, ignore_log, NULL);

  tmpdir = g_dir_make_tmp ("tz-fuzz-package-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmpdir, "fuzz.db", NULL);
  db = tz_db_open (path, &error);
  g_assert_no_error (error);
  campaign = g_build_filename (SOURCE_DATADIR, "campaigns",
                               "heilongjiang-2022-workers-netizens.json", NULL);
  if (tz_campaign_import_file (db, campaign, &error) <= 0)
    g_error ("%s", error->message);
  atexit (cleanup);
}

/* A well-formed package around @data as its data.json, with honest
 * checksums, so that the data checks and the comparison get fuzzed too (the
 * checksums stop almost every mutation of a whole package early). */
static GBytes *
wrap_data (const uint8_t *data, size_t size)
{
  g_autoptr (GsfOutput) mem = gsf_output_memory_new ();
  g_autoptr (GsfOutfile) zip = gsf_outfile_zip_new (mem, NULL);
  g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);
  g_autofree char *manifest = g_strdup_printf (
      "{\"format\": \"taizhang-package\", \"version\": 1, \"created_at\": "
      "\"2022-10-20T08:00:00Z\", \"sender\": {\"uuid\": \"%s\", \"name\": \"%s\"}, "
      "\"campaign\": {\"uuid\": \"%s\", \"title\": \"t\"}, \"members\": [{\"name\": "
      "\"data.json\", \"size\": %" G_GSIZE_FORMAT ", \"sha256\": \"%s\"}]}",
      SENDER_UUID, "哈尔滨市总工会", CAMPAIGN_UUID, size, sha);
  GsfOutput *child;

  child = gsf_outfile_new_child (zip, "data.json", FALSE);
  gsf_output_write (child, size, data);
  gsf_output_close (child);
  g_object_unref (child);
  child = gsf_outfile_new_child (zip, "manifest.json", FALSE);
  gsf_output_write (child, strlen (manifest), (const guint8 *) manifest);
  gsf_output_close (child);
  g_object_unref (child);
  gsf_output_close (GSF_OUTPUT (zip));
  gsf_output_close (mem);
  return g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (mem)),
                      (gsize) gsf_output_size (mem));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (TzPackage) package = NULL;
  g_autoptr (GError) error = NULL;

  if (db == NULL)
    setup ();
  /* The first byte chooses: odd, the rest is a whole package; even, the
   * rest is the data.json of a package made around it. */
  if (size == 0)
    return 0;
  if (data[0] & 1)
    bytes = g_bytes_new_static (data + 1, size - 1);
  else
    bytes = wrap_data (data + 1, size - 1);
  package = tz_package_open_bytes (db, bytes, "fuzz.tzpkg", &error);
  if (package != NULL)
    {
      TzPackageSummary summary;

      g_assert_null (error);
      tz_package_get_summary (package, &summary);
      for (guint i = 0; i < tz_package_get_n_records (package); i++)
        {
          const TzPackageRecord *r = tz_package_get_record (package, i);
          g_assert_nonnull (r->name);
          for (guint d = 0; d < r->diffs->len; d++)
            g_assert_nonnull (((TzPackageDiff *) r->diffs->pdata[d])->field);
        }
    }
  else
    g_assert_nonnull (error);
  return 0;
}
