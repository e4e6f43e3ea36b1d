/* tz-cli-person.c — people and entries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists mask ID and phone numbers unless --unmasked is given; every unmasked
 * listing is written to the audit log.
 */
#define G_LOG_DOMAIN "tz-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tz-audit.h"
#include "tz-campaign.h"
#include "tz-cli.h"
#include "tz-entry.h"
#include "tz-mask.h"
#include "tz-person.h"
#include "tz-unit.h"

static const char *
or_empty (const char *s)
{
  return s != NULL ? s : "";
}

int
tz_cli_person_add (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzPerson) p = tz_person_new ();
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &p->name, N_ ("Full name (姓名)"), N_ ("NAME") },
    { "gender", 0, 0, G_OPTION_ARG_STRING, &p->gender,
      N_ ("男 or 女 (taken from the ID number when omitted)"), N_ ("GENDER") },
    { "birth", 0, 0, G_OPTION_ARG_STRING, &p->birth_date, N_ ("Birth month, YYYY-MM"),
      N_ ("DATE") },
    { "id-number", 0, 0, G_OPTION_ARG_STRING, &p->id_number,
      N_ ("Resident ID number, 18 characters"), N_ ("N") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &p->phone, N_ ("Mobile number"), N_ ("N") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &p->email, N_ ("E-mail address"), N_ ("ADDRESS") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &p->unit_name,
      N_ ("Employer (工作单位); linked when the unit tree has it"), N_ ("NAME") },
    { "position", 0, 0, G_OPTION_ARG_STRING, &p->position, N_ ("Position (职务)"), N_ ("TEXT") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &p->title, N_ ("Professional title (职称)"),
      N_ ("TEXT") },
    { "ethnicity", 0, 0, G_OPTION_ARG_STRING, &p->ethnicity, N_ ("Ethnic group (民族), e.g. 汉族"),
      N_ ("NAME") },
    { "political", 0, 0, G_OPTION_ARG_STRING, &p->political,
      N_ ("Political status (政治面貌), e.g. 中共党员"), N_ ("NAME") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &p->note, N_ ("A note"), N_ ("TEXT") },
    { NULL },
  };
  int code = TZ_CLI_OK;
  TzDb *db;

  if (!tz_cli_parse (argv[0], NULL,
                     _ ("Adds a person and prints the new id. Invalid values are refused with a "
                        "message naming the field; nothing is saved then."),
                     entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return tz_cli_usage (argv[0], _ ("takes no arguments besides its options"));
  if (p->name == NULL)
    return tz_cli_usage (argv[0], _ ("give the name with --name"));
  db = tz_cli_db (cli);
  if (db == NULL)
    return TZ_CLI_FAILED;
  if (!tz_person_save (db, p, &error))
    return tz_cli_fail (error);
  g_print ("%" PRId64 "\n", p->id);
  return TZ_CLI_OK;
}

static void
print_person_line (const TzPerson *p, gboolean unmasked)
{
  g_autofree char *id = unmasked ? g_strdup (p->id_number) : tz_mask_id_number (p->id_number);
  g_autofree char *phone = unmasked ? g_strdup (p->phone) : tz_mask_phone (p->phone);

  g_print ("%" PRId64 "\t%s\t%s\t%s\t%s\t%s\t%s\n", p->id, p->name, or_empty (p->gender),
           or_empty (id), or_empty (phone), or_empty (p->employer ? p->employer : p->unit_name),
           or_empty (p->position));
}

static gboolean
record_unmasked (TzDb *db, const char *what, gint64 row_id, const char *query)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) json = g_string_new ("{\"command\": \"");

  g_string_append (json, what);
  g_string_append (json, "\", \"unmasked\": true");
  if (query != NULL)
    {
      g_autofree char *escaped = g_strescape (query, NULL);
      g_string_append_printf (json, ", \"search\": \"%s\"", escaped);
    }
  g_string_append (json, "}");
  if (!tz_audit_record (db, "person", row_id, "export", json->str, &error))
    {
      tz_cli_fail (error);
      return FALSE;
    }
  return TRUE;
}

int
tz_cli_person_list (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *search = NULL;
  g_autofree char *limit_text = NULL;
  gboolean unmasked = FALSE;
  GOptionEntry entries[] = {
    { "search", 's', 0, G_OPTION_ARG_STRING, &search,
      N_ ("Only people whose name, unit or position contains TEXT"), N_ ("TEXT") },
    { "unmasked", 0, 0, G_OPTION_ARG_NONE, &unmasked,
      N_ ("Show full ID and phone numbers (recorded in the audit log)"), NULL },
    { "limit", 'n', 0, G_OPTION_ARG_STRING, &limit_text, N_ ("At most N people"), N_ ("N") },
    { NULL },
  };
  gint64 limit = 0;
  int code = TZ_CLI_OK;
  TzDb *db;

  if (!tz_cli_parse (
          argv[0], NULL,
          _ ("Lists people: id<TAB>name<TAB>gender<TAB>ID number<TAB>phone<TAB>unit<TAB>position, "
             "ID and phone masked (110105********002X, 138****8000) unless --unmasked."),
          entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return tz_cli_usage (argv[0], _ ("takes no arguments besides its options"));
  if (limit_text != NULL && !tz_cli_count ("--limit", limit_text, &limit))
    return TZ_CLI_USAGE;
  db = tz_cli_db (cli);
  if (db == NULL)
    return TZ_CLI_FAILED;
  if (unmasked && !record_unmasked (db, "person list", 0, search))
    return TZ_CLI_FAILED;
  list = tz_person_search (db, search, 0, (guint) limit, &error);
  if (list == NULL)
    return tz_cli_fail (error);
  for (guint i = 0; i < list->len; i++)
    print_person_line (list->pdata[i], unmasked);
  return TZ_CLI_OK;
}

int
tz_cli_person_show (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzPerson) p = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *phone = NULL;
  gboolean unmasked = FALSE;
  GOptionEntry entries[] = {
    { "unmasked", 0, 0, G_OPTION_ARG_NONE, &unmasked,
      N_ ("Show full ID and phone numbers (recorded in the audit log)"), NULL },
    { NULL },
  };
  int code = TZ_CLI_OK;
  gint64 id;
  TzDb *db;

  if (!tz_cli_parse (argv[0], "ID", _ ("Shows one person, field by field."), entries, &argc, &argv,
                     &code))
    return code;
  if (argc != 2)
    return tz_cli_usage (argv[0], _ ("give exactly one person id"));
  if (!tz_cli_count ("ID", argv[1], &id))
    return TZ_CLI_USAGE;
  db = tz_cli_db (cli);
  if (db == NULL)
    return TZ_CLI_FAILED;
  p = tz_person_get (db, id, &error);
  if (p == NULL)
    return tz_cli_fail (error);
  if (unmasked && !record_unmasked (db, "person show", id, NULL))
    return TZ_CLI_FAILED;
  id_number = unmasked ? g_strdup (p->id_number) : tz_mask_id_number (p->id_number);
  phone = unmasked ? g_strdup (p->phone) : tz_mask_phone (p->phone);
  g_print ("%s\t%s\n", _ ("Name"), p->name);
  g_print ("%s\t%s\n", _ ("Gender"), or_empty (p->gender));
  g_print ("%s\t%s\n", _ ("Date of birth"), or_empty (p->birth_date));
  g_print ("%s\t%s\n", _ ("Ethnicity"), or_empty (p->ethnicity));
  g_print ("%s\t%s\n", _ ("Political status"), or_empty (p->political));
  g_print ("%s\t%s\n", _ ("ID number"), or_empty (id_number));
  g_print ("%s\t%s\n", _ ("Mobile number"), or_empty (phone));
  g_print ("%s\t%s\n", _ ("E-mail"), or_empty (p->email));
  g_print ("%s\t%s\n", _ ("Employer"), or_empty (p->employer ? p->employer : p->unit_name));
  g_print ("%s\t%s\n", _ ("Position"), or_empty (p->position));
  return TZ_CLI_OK;
}

int
tz_cli_person_delete (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int code = TZ_CLI_OK;
  gint64 id;
  TzDb *db;

  if (!tz_cli_parse (argv[0], "ID", _ ("Deletes a person who has no entries."), NULL, &argc, &argv,
                     &code))
    return code;
  if (argc != 2)
    return tz_cli_usage (argv[0], _ ("give exactly one person id"));
  if (!tz_cli_count ("ID", argv[1], &id))
    return TZ_CLI_USAGE;
  db = tz_cli_db (cli);
  if (db == NULL)
    return TZ_CLI_FAILED;
  if (!tz_person_delete (db, id, &error))
    return tz_cli_fail (error);
  return TZ_CLI_OK;
}

int
tz_cli_entry_add (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzEntry) e = tz_entry_new ();
  g_autofree char *campaign = NULL;
  g_autofree char *track = NULL;
  g_autofree char *person = NULL;
  g_autofree char *entrant_unit = NULL;
  g_autofree char *recommended_by = NULL;
  g_autofree char *file = NULL;
  g_autofree char *duration = NULL;
  GOptionEntry entries[] = {
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign, N_ ("The campaign (id)"), N_ ("ID") },
    { "track", 't', 0, G_OPTION_ARG_STRING, &track, N_ ("The track, by name"), N_ ("NAME") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &e->title, N_ ("The work’s or nomination’s title"),
      N_ ("TEXT") },
    { "person", 'p', 0, G_OPTION_ARG_STRING, &person, N_ ("The entrant, a person id"), N_ ("ID") },
    { "entrant-unit", 0, 0, G_OPTION_ARG_STRING, &entrant_unit, N_ ("The entrant, a unit by name"),
      N_ ("NAME") },
    { "recommended-by", 'r', 0, G_OPTION_ARG_STRING, &recommended_by,
      N_ ("The recommending unit, by name"), N_ ("NAME") },
    { "summary", 0, 0, G_OPTION_ARG_STRING, &e->summary, N_ ("Deed summary (事迹简介)"),
      N_ ("TEXT") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &e->description, N_ ("Description of the work"),
      N_ ("TEXT") },
    { "platform", 0, 0, G_OPTION_ARG_STRING, &e->platform, N_ ("Platform"), N_ ("NAME") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &e->status,
      N_ ("draft (default), submitted, reviewed, shortlisted, awarded, not_selected or withdrawn"),
      N_ ("STATUS") },
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file,
      N_ ("The work file (its content hash finds duplicates)"), N_ ("PATH") },
    { "duration", 0, 0, G_OPTION_ARG_STRING, &duration, N_ ("The work’s length in seconds"),
      N_ ("N") },
    { NULL },
  };
  g_autoptr (GPtrArray) failures = NULL;
  int code = TZ_CLI_OK;
  TzDb *db;

  if (!tz_cli_parse (argv[0], NULL,
                     _ ("Adds an entry and prints its id, then any requirement of "
                        "the track that it fails, one per line on stderr."),
                     entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return tz_cli_usage (argv[0], _ ("takes no arguments besides its options"));
  if (track == NULL || e->title == NULL || (person == NULL && entrant_unit == NULL))
    return tz_cli_usage (argv[0],
                         _ ("give --campaign, --track, --title and --person or --entrant-unit"));
  if (!tz_cli_campaign (cli, campaign, &e->campaign_id))
    return TZ_CLI_FAILED;
  db = cli->db;
  if (person != NULL && !tz_cli_count ("--person", person, &e->person_id))
    return TZ_CLI_USAGE;
  if (duration != NULL)
    {
      gint64 seconds;
      if (!tz_cli_count ("--duration", duration, &seconds))
        return TZ_CLI_USAGE;
      e->duration_seconds = (double) seconds;
    }
  if (!tz_track_resolve (db, e->campaign_id, track, &e->track_id, &error))
    return tz_cli_fail (error);
  if (entrant_unit != NULL &&
      !tz_unit_resolve (db, e->campaign_id, entrant_unit, &e->entrant_unit_id, &error))
    return tz_cli_fail (error);
  if (recommended_by != NULL &&
      !tz_unit_resolve (db, e->campaign_id, recommended_by, &e->recommending_unit_id, &error))
    return tz_cli_fail (error);
  if (file != NULL)
    {
      g_autofree char *base = g_path_get_basename (file);
      const char *dot = strrchr (base, '.');

      e->file_sha256 = tz_file_sha256 (file, &error);
      if (e->file_sha256 == NULL)
        return tz_cli_fail (error);
      if (dot != NULL)
        e->file_format = g_ascii_strup (dot + 1, -1);
    }
  if (!tz_entry_save (db, e, &error))
    return tz_cli_fail (error);
  g_print ("%" PRId64 "\n", e->id);
  failures = tz_entry_requirement_failures (db, e, &error);
  if (failures == NULL)
    return tz_cli_fail (error);
  for (guint i = 0; i < failures->len; i++)
    g_printerr ("%s\n", (const char *) failures->pdata[i]);
  return TZ_CLI_OK;
}

int
tz_cli_entry_list (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *track = NULL;
  g_autofree char *search = NULL;
  GOptionEntry entries[] = {
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign, N_ ("The campaign (id)"), N_ ("ID") },
    { "track", 't', 0, G_OPTION_ARG_STRING, &track, N_ ("Only this track"), N_ ("NAME") },
    { "search", 's', 0, G_OPTION_ARG_STRING, &search,
      N_ ("Only entries whose title, entrant, unit or description contains TEXT"), N_ ("TEXT") },
    { NULL },
  };
  gint64 id, track_id = 0;
  int code = TZ_CLI_OK;

  if (!tz_cli_parse (
          argv[0], NULL,
          _ ("Lists entries: id<TAB>track<TAB>title<TAB>entrant<TAB>recommending unit<TAB>status."),
          entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return tz_cli_usage (argv[0], _ ("takes no arguments besides its options"));
  if (!tz_cli_campaign (cli, campaign, &id))
    return TZ_CLI_FAILED;
  if (track != NULL && !tz_track_resolve (cli->db, id, track, &track_id, &error))
    return tz_cli_fail (error);
  list = tz_entry_search (cli->db, id, track_id, search, 0, 0, &error);
  if (list == NULL)
    return tz_cli_fail (error);
  for (guint i = 0; i < list->len; i++)
    {
      TzEntry *e = list->pdata[i];
      g_print ("%" PRId64 "\t%s\t%s\t%s\t%s\t%s\n", e->id, e->track_name, e->title,
               or_empty (e->entrant_name), or_empty (e->recommending_unit_name), e->status);
    }
  return TZ_CLI_OK;
}
