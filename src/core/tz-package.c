/* tz-package.c — entry packages between units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format is described in docs/exchange-format.md. Every record kind is one
 * table whose exchanged columns are listed in a FieldSpec table below; the same
 * table drives the export, the comparison with the database and the writing,
 * so a column is exchanged, compared and written in one place.
 *
 * Values are compared as canonical strings: text as stored, integers in
 * decimal, reals by g_ascii_dtostr(), references by the uuid of the record
 * they name (for opinions, which have no uuid: "<entry uuid>/<level>").
 */
#define G_LOG_DOMAIN "tz-package"
#define _GNU_SOURCE  /* syncfs() */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gsf/gsf.h>
#include <json-glib/json-glib.h>

#include "tz-activity.h"
#include "tz-attachment.h"
#include "tz-audit.h"
#include "tz-entry.h"
#include "tz-error.h"
#include "tz-import-log.h"
#include "tz-backup.h"
#include "tz-mask.h"
#include "tz-package.h"
#include "tz-person.h"

/* libgsf 1.14 declares no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutfile, g_object_unref)

#define MANIFEST_NAME     "manifest.json"
#define DATA_NAME         "data.json"
#define FILES_PREFIX      "files/"
#define MAX_MANIFEST_SIZE (16 * 1024 * 1024)
#define MAX_DATA_SIZE     ((gint64) 1024 * 1024 * 1024)
#define MAX_MEMBERS       1000000
#define COPY_CHUNK        (256 * 1024)

typedef enum
{
  F_TEXT,
  F_INT,
  F_REAL,
  F_REF,
} FieldType;

typedef enum
{
  REF_NONE,
  REF_UNIT,
  REF_TRACK,
  REF_PERSON,
  REF_ENTRY,
  REF_OPINION,
  REF_ACTIVITY,
  N_REFS,
} RefKind;

typedef struct
{
  const char *name;   /* in data.json and in the list of differences */
  const char *column; /* in the table */
  FieldType type;
  RefKind ref;
} FieldSpec;

typedef struct
{
  TzPackageKind kind;
  const char *table;
  const char *array; /* the member of data.json */
  const FieldSpec *fields;
  guint n_fields;
  gboolean has_uuid;
  gboolean has_campaign;
} KindSpec;

static const FieldSpec person_fields[] = {
  { "name", "name", F_TEXT, REF_NONE },
  { "gender", "gender", F_TEXT, REF_NONE },
  { "birth_date", "birth_date", F_TEXT, REF_NONE },
  { "ethnicity", "ethnicity", F_TEXT, REF_NONE },
  { "political", "political", F_TEXT, REF_NONE },
  { "id_number", "id_number", F_TEXT, REF_NONE },
  { "phone", "phone", F_TEXT, REF_NONE },
  { "email", "email", F_TEXT, REF_NONE },
  { "unit", "unit_id", F_REF, REF_UNIT },
  { "employer", "employer", F_TEXT, REF_NONE },
  { "position", "position", F_TEXT, REF_NONE },
  { "title", "title", F_TEXT, REF_NONE },
  { "note", "note", F_TEXT, REF_NONE },
};

static const FieldSpec activity_fields[] = {
  { "unit", "unit_id", F_REF, REF_UNIT },
  { "title", "title", F_TEXT, REF_NONE },
  { "held_on", "held_on", F_TEXT, REF_NONE },
  { "place", "place", F_TEXT, REF_NONE },
  { "enterprise", "enterprise", F_TEXT, REF_NONE },
  { "participants", "participants", F_INT, REF_NONE },
  { "summary", "summary", F_TEXT, REF_NONE },
};

static const FieldSpec entry_fields[] = {
  { "track", "track_id", F_REF, REF_TRACK },
  { "title", "title", F_TEXT, REF_NONE },
  { "description", "description", F_TEXT, REF_NONE },
  { "summary", "summary", F_TEXT, REF_NONE },
  { "material", "material", F_TEXT, REF_NONE },
  { "person", "person_id", F_REF, REF_PERSON },
  { "entrant_unit", "entrant_unit_id", F_REF, REF_UNIT },
  { "recommending_unit", "recommending_unit_id", F_REF, REF_UNIT },
  { "instructor", "instructor", F_TEXT, REF_NONE },
  { "platform", "platform", F_TEXT, REF_NONE },
  { "url", "url", F_TEXT, REF_NONE },
  { "status", "status", F_TEXT, REF_NONE },
  { "submitted_on", "submitted_on", F_TEXT, REF_NONE },
  { "duration_seconds", "duration_seconds", F_REAL, REF_NONE },
  { "width", "width", F_INT, REF_NONE },
  { "height", "height", F_INT, REF_NONE },
  { "file_format", "file_format", F_TEXT, REF_NONE },
  { "file_size", "file_size", F_INT, REF_NONE },
  { "file_sha256", "file_sha256", F_TEXT, REF_NONE },
  { "note", "note", F_TEXT, REF_NONE },
};

static const FieldSpec opinion_fields[] = {
  { "entry", "entry_id", F_REF, REF_ENTRY },
  { "level", "level", F_INT, REF_NONE },
  { "level_name", "level_name", F_TEXT, REF_NONE },
  { "unit", "unit_id", F_REF, REF_UNIT },
  { "text", "text", F_TEXT, REF_NONE },
  { "signed_on", "signed_on", F_TEXT, REF_NONE },
  { "signer", "signer", F_TEXT, REF_NONE },
  { "sealed", "sealed", F_INT, REF_NONE },
};

static const FieldSpec attachment_fields[] = {
  { "activity", "activity_id", F_REF, REF_ACTIVITY },
  { "person", "person_id", F_REF, REF_PERSON },
  { "entry", "entry_id", F_REF, REF_ENTRY },
  { "opinion", "opinion_id", F_REF, REF_OPINION },
  { "kind", "kind", F_TEXT, REF_NONE },
  { "title", "title", F_TEXT, REF_NONE },
  { "file_name", "file_name", F_TEXT, REF_NONE },
  { "mime_type", "mime_type", F_TEXT, REF_NONE },
  { "size", "size", F_INT, REF_NONE },
  { "sha256", "sha256", F_TEXT, REF_NONE },
  { "seq", "seq", F_INT, REF_NONE },
};

/* In the order of writing: a record's references are written before it. */
static const KindSpec kinds[] = {
  { TZ_PACKAGE_KIND_PERSON, "person", "people", person_fields, G_N_ELEMENTS (person_fields), TRUE,
    FALSE },
  { TZ_PACKAGE_KIND_ACTIVITY, "activity", "activities", activity_fields,
    G_N_ELEMENTS (activity_fields), TRUE, TRUE },
  { TZ_PACKAGE_KIND_ENTRY, "entry", "entries", entry_fields, G_N_ELEMENTS (entry_fields), TRUE,
    TRUE },
  { TZ_PACKAGE_KIND_OPINION, "opinion", "opinions", opinion_fields, G_N_ELEMENTS (opinion_fields),
    FALSE, FALSE },
  { TZ_PACKAGE_KIND_ATTACHMENT, "attachment", "attachments", attachment_fields,
    G_N_ELEMENTS (attachment_fields), TRUE, FALSE },
};

/* One record of the package, with the public part first. */
typedef struct
{
  TzPackageRecord pub;
  const KindSpec *spec;
  char **theirs; /* canonical values, n_fields; references as package uuids */
  char **ours;   /* the database's, or NULL when new */
  guint index;   /* in its data.json array, for messages */
  gboolean matched_by_id_number;
} Record;

typedef struct
{
  char *name;
  gint64 size;
  char *sha256;
} Member;

struct _TzPackage
{
  TzDb *db;
  char *display_name;
  GBytes *bytes; /* when opened from memory */
  GsfInfile *zip;
  GHashTable *members; /* name → GsfInput* */
  GHashTable *listed;  /* name → Member* (from the manifest) */
  char *file_sha256;   /* of the whole package file, for the import log */
  gint64 input_size;   /* of the whole package file */

  char *sender_uuid;
  char *sender_name;
  char *campaign_uuid;
  char *campaign_title;
  char *created_at;
  gint64 campaign_id;
  char *last_import;

  /* package uuid → local uuid, for units, tracks and people matched otherwise */
  GHashTable *local_uuid[N_REFS];
  /* the uuids (keys) the package itself defines, per reference kind */
  GHashTable *defined[N_REFS];

  GPtrArray *records; /* of Record* */
  GHashTable *stmts;  /* SQL → sqlite3_stmt*, see cached_stmt() */
};

static void
record_free (Record *r)
{
  if (r == NULL)
    return;
  g_free ((char *) r->pub.uuid);
  g_free ((char *) r->pub.name);
  g_clear_pointer (&r->pub.diffs, g_ptr_array_unref);
  if (r->theirs != NULL)
    for (guint i = 0; i < r->spec->n_fields; i++)
      g_free (r->theirs[i]);
  g_free (r->theirs);
  if (r->ours != NULL)
    for (guint i = 0; i < r->spec->n_fields; i++)
      g_free (r->ours[i]);
  g_free (r->ours);
  g_free (r);
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
member_free (Member *m)
{
  g_free (m->name);
  g_free (m->sha256);
  g_free (m);
}

void
tz_package_free (TzPackage *p)
{
  if (p == NULL)
    return;
  g_clear_pointer (&p->stmts, g_hash_table_unref);
  g_clear_object (&p->db);
  g_free (p->display_name);
  g_clear_pointer (&p->members, g_hash_table_unref);
  g_clear_pointer (&p->listed, g_hash_table_unref);
  g_clear_object (&p->zip);
  g_clear_pointer (&p->bytes, g_bytes_unref);
  g_free (p->file_sha256);
  g_free (p->sender_uuid);
  g_free (p->sender_name);
  g_free (p->campaign_uuid);
  g_free (p->campaign_title);
  g_free (p->created_at);
  g_free (p->last_import);
  for (guint i = 0; i < N_REFS; i++)
    {
      g_clear_pointer (&p->local_uuid[i], g_hash_table_unref);
      g_clear_pointer (&p->defined[i], g_hash_table_unref);
    }
  g_clear_pointer (&p->records, g_ptr_array_unref);
  g_free (p);
}

/* ---- names and labels ---------------------------------------------------- */

const char *
tz_package_kind_name (TzPackageKind kind)
{
  switch (kind)
    {
      case TZ_PACKAGE_KIND_PERSON:
        return "person";
      case TZ_PACKAGE_KIND_ENTRY:
        return "entry";
      case TZ_PACKAGE_KIND_OPINION:
        return "opinion";
      case TZ_PACKAGE_KIND_ACTIVITY:
        return "activity";
      case TZ_PACKAGE_KIND_ATTACHMENT:
        return "attachment";
      default:
        return "unknown";
    }
}

const char *
tz_package_kind_label (TzPackageKind kind)
{
  switch (kind)
    {
      case TZ_PACKAGE_KIND_PERSON:
        return _ ("Person");
      case TZ_PACKAGE_KIND_ENTRY:
        return _ ("Entry");
      case TZ_PACKAGE_KIND_OPINION:
        return _ ("Opinion");
      case TZ_PACKAGE_KIND_ACTIVITY:
        return _ ("Activity");
      case TZ_PACKAGE_KIND_ATTACHMENT:
        return _ ("File");
      default:
        return "?";
    }
}

const char *
tz_package_status_name (TzPackageStatus status)
{
  switch (status)
    {
      case TZ_PACKAGE_STATUS_NEW:
        return "new";
      case TZ_PACKAGE_STATUS_CHANGED:
        return "changed";
      case TZ_PACKAGE_STATUS_CONFLICT:
        return "conflict";
      case TZ_PACKAGE_STATUS_UNCHANGED:
        return "unchanged";
      default:
        return "unknown";
    }
}

const char *
tz_package_status_label (TzPackageStatus status)
{
  switch (status)
    {
      case TZ_PACKAGE_STATUS_NEW:
        return _ ("New");
      case TZ_PACKAGE_STATUS_CHANGED:
        return _ ("Changed");
      case TZ_PACKAGE_STATUS_CONFLICT:
        return _ ("Conflict");
      case TZ_PACKAGE_STATUS_UNCHANGED:
        return _ ("Unchanged");
      default:
        return "?";
    }
}

const char *
tz_package_field_label (const char *field)
{
  static const struct
  {
    const char *field;
    const char *label;
  } labels[] = {
    { "name", N_ ("Name") },
    { "gender", N_ ("Gender") },
    { "birth_date", N_ ("Date of birth") },
    { "ethnicity", N_ ("Ethnic group") },
    { "political", N_ ("Political status") },
    { "id_number", N_ ("ID number") },
    { "phone", N_ ("Mobile phone") },
    { "email", N_ ("E-mail") },
    { "unit", N_ ("Unit") },
    { "employer", N_ ("Employer") },
    { "position", N_ ("Position") },
    { "title", N_ ("Title") },
    { "note", N_ ("Note") },
    { "held_on", N_ ("Date") },
    { "place", N_ ("Place") },
    { "enterprise", N_ ("Enterprise") },
    { "participants", N_ ("Participants") },
    { "summary", N_ ("Summary") },
    { "track", N_ ("Track") },
    { "description", N_ ("Description") },
    { "material", N_ ("Material") },
    { "person", N_ ("Person") },
    { "entrant_unit", N_ ("Entrant unit") },
    { "recommending_unit", N_ ("Recommending unit") },
    { "instructor", N_ ("Instructor") },
    { "platform", N_ ("Platform") },
    { "url", N_ ("Address") },
    { "status", N_ ("Status") },
    { "submitted_on", N_ ("Submitted on") },
    { "duration_seconds", N_ ("Duration") },
    { "width", N_ ("Width") },
    { "height", N_ ("Height") },
    { "file_format", N_ ("File format") },
    { "file_size", N_ ("File size") },
    { "file_sha256", N_ ("File checksum") },
    { "entry", N_ ("Entry") },
    { "level", N_ ("Level") },
    { "level_name", N_ ("Opinion box") },
    { "text", N_ ("Text") },
    { "signed_on", N_ ("Signed on") },
    { "signer", N_ ("Signed by") },
    { "sealed", N_ ("Sealed") },
    { "activity", N_ ("Activity") },
    { "opinion", N_ ("Opinion") },
    { "kind", N_ ("Kind") },
    { "file_name", N_ ("File name") },
    { "mime_type", N_ ("File type") },
    { "size", N_ ("Size") },
    { "sha256", N_ ("Checksum") },
    { "seq", N_ ("Order") },
  };

  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].field, field))
      return _ (labels[i].label);
  return field;
}

/* ---- helpers ------------------------------------------------------------- */

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *c = text; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c) && !(*c >= 'a' && *c <= 'f'))
      return FALSE;
  return TRUE;
}

static char *
stored_path (TzDb *db, const char *sha256)
{
  g_autofree char *dir = tz_attachment_dir (db);
  char prefix[3] = { sha256[0], sha256[1], '\0' };

  return g_build_filename (dir, prefix, sha256, NULL);
}

static const char *
ref_table (RefKind ref)
{
  switch (ref)
    {
      case REF_UNIT:
        return "unit";
      case REF_TRACK:
        return "track";
      case REF_PERSON:
        return "person";
      case REF_ENTRY:
        return "entry";
      case REF_ACTIVITY:
        return "activity";
      case REF_OPINION:
        return "opinion";
      default:
        return NULL;
    }
}

/* The SQL expression giving the canonical value of a field of row "t". */
static char *
field_expr (const FieldSpec *f)
{
  if (f->type != F_REF)
    return g_strdup_printf ("t.\"%s\"", f->column);
  if (f->ref == REF_OPINION)
    return g_strdup_printf ("(SELECT e.uuid || '/' || o.level FROM opinion o JOIN entry e ON e.id "
                            "= o.entry_id WHERE o.id = t.\"%s\")",
                            f->column);
  return g_strdup_printf ("(SELECT uuid FROM \"%s\" WHERE id = t.\"%s\")", ref_table (f->ref),
                          f->column);
}

static char *
select_sql (const KindSpec *spec, const char *tail)
{
  g_autoptr (GString) sql = g_string_new ("SELECT t.id, ");

  if (spec->has_uuid)
    g_string_append (sql, "t.uuid");
  else
    g_string_append (sql, "(SELECT uuid FROM entry WHERE id = t.entry_id) || '/' || t.level");
  g_string_append (sql, ", t.updated_at");
  for (guint i = 0; i < spec->n_fields; i++)
    {
      g_autofree char *expr = field_expr (&spec->fields[i]);
      g_string_append_printf (sql, ", %s", expr);
    }
  g_string_append_printf (sql, " FROM \"%s\" t %s", spec->table, tail);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* The canonical string of column @col (NULL for NULL). */
static char *
column_canonical (sqlite3_stmt *stmt, int col)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  switch (sqlite3_column_type (stmt, col))
    {
      case SQLITE_NULL:
        return NULL;
      case SQLITE_INTEGER:
        return g_strdup_printf ("%" PRId64, (gint64) sqlite3_column_int64 (stmt, col));
      case SQLITE_FLOAT:
        return g_strdup (g_ascii_dtostr (buf, sizeof buf, sqlite3_column_double (stmt, col)));
      default:
        return tz_db_column_dup (stmt, col);
    }
}

static char **
row_values (sqlite3_stmt *stmt, const KindSpec *spec, int first_col)
{
  char **values = g_new0 (char *, spec->n_fields + 1);

  for (guint i = 0; i < spec->n_fields; i++)
    values[i] = column_canonical (stmt, first_col + (int) i);
  return values;
}

/* The display name of a record from its values. */
static char *
display_name (const KindSpec *spec, char **values, const char *key)
{
  switch (spec->kind)
    {
      case TZ_PACKAGE_KIND_PERSON:
      case TZ_PACKAGE_KIND_ENTRY:
      case TZ_PACKAGE_KIND_ACTIVITY:
        for (guint i = 0; i < spec->n_fields; i++)
          if (g_str_equal (spec->fields[i].name,
                           spec->kind == TZ_PACKAGE_KIND_PERSON ? "name" : "title"))
            return g_strdup (values[i] != NULL ? values[i] : key);
        break;
      case TZ_PACKAGE_KIND_OPINION:
        return g_strdup (values[2] != NULL ? values[2] : key); /* level_name */
      case TZ_PACKAGE_KIND_ATTACHMENT:
        return g_strdup (values[5] != NULL ? values[5] : values[6] != NULL ? values[6] : key);
      default:
        break;
    }
  return g_strdup (key);
}

static int
field_index (const KindSpec *spec, const char *name)
{
  for (guint i = 0; i < spec->n_fields; i++)
    if (g_str_equal (spec->fields[i].name, name))
      return (int) i;
  g_return_val_if_reached (-1);
}

/* ---- export -------------------------------------------------------------- */

static void
add_value (JsonBuilder *b, const FieldSpec *f, sqlite3_stmt *stmt, int col)
{
  json_builder_set_member_name (b, f->name);
  switch (sqlite3_column_type (stmt, col))
    {
      case SQLITE_NULL:
        json_builder_add_null_value (b);
        break;
      case SQLITE_INTEGER:
        json_builder_add_int_value (b, sqlite3_column_int64 (stmt, col));
        break;
      case SQLITE_FLOAT:
        json_builder_add_double_value (b, sqlite3_column_double (stmt, col));
        break;
      default:
        json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, col));
        break;
    }
}

/* Writes the rows of @spec chosen by @where (which may use ?1 campaign, ?2
 * unit) into array @spec->array; the referenced uuids go into @used. */
static gboolean
export_kind (TzDb *db, JsonBuilder *b, const KindSpec *spec, const char *where, gint64 campaign_id,
             gint64 unit_id, GHashTable *sha256s, guint *count, GError **error)
{
  g_autofree char *sql = select_sql (spec, where);
  g_autoptr (sqlite3_stmt) stmt = tz_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  json_builder_set_member_name (b, spec->array);
  json_builder_begin_array (b);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      json_builder_begin_object (b);
      if (spec->has_uuid)
        {
          json_builder_set_member_name (b, "uuid");
          json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, 1));
        }
      for (guint i = 0; i < spec->n_fields; i++)
        add_value (b, &spec->fields[i], stmt, 3 + (int) i);
      json_builder_end_object (b);
      if (spec->kind == TZ_PACKAGE_KIND_ATTACHMENT)
        {
          const char *sha =
              (const char *) sqlite3_column_text (stmt, 3 + field_index (spec, "sha256"));
          g_hash_table_add (sha256s, g_strdup (sha));
        }
      (*count)++;
    }
  json_builder_end_array (b);
  return rc == SQLITE_DONE;
}

/* The subtree of the sending unit, as a temporary table the queries join. */
#define SUBTREE                                                                                    \
  "WITH RECURSIVE sub(id) AS (SELECT ?2 UNION SELECT u.id FROM unit u JOIN sub ON u.parent_id = "  \
  "sub.id) "

#define ENTRY_SCOPE                                                                                \
  "t.campaign_id = ?1 AND t.team_id IS NULL AND (t.recommending_unit_id IN (SELECT id FROM sub) "  \
  "OR (t.recommending_unit_id IS NULL AND (t.entrant_unit_id IN (SELECT id FROM sub) OR "          \
  "t.person_id IN (SELECT id FROM person WHERE unit_id IN (SELECT id FROM sub)))))"

static const char *const export_where[] = {
  /* people: the entrants of the exported entries */
  "WHERE t.id IN (" SUBTREE "SELECT t.person_id FROM entry t WHERE " ENTRY_SCOPE ") ORDER BY t.id",
  /* activities */
  "WHERE t.campaign_id = ?1 AND t.unit_id IN (" SUBTREE "SELECT id FROM sub) ORDER BY t.id",
  /* entries */
  "WHERE t.id IN (" SUBTREE "SELECT t.id FROM entry t WHERE " ENTRY_SCOPE ") ORDER BY t.id",
  /* opinions */
  "WHERE t.entry_id IN (" SUBTREE "SELECT t.id FROM entry t WHERE " ENTRY_SCOPE
  ") ORDER BY t.entry_id, t.level",
  /* attachments of all of these */
  "WHERE t.id IN (" SUBTREE ", ents(id) AS (SELECT t.id FROM entry t WHERE " ENTRY_SCOPE ") "
  "SELECT a.id FROM attachment a WHERE a.entry_id IN (SELECT id FROM ents) "
  "OR a.person_id IN (SELECT person_id FROM entry WHERE id IN (SELECT id FROM ents)) "
  "OR a.opinion_id IN (SELECT id FROM opinion WHERE entry_id IN (SELECT id FROM ents)) "
  "OR a.activity_id IN (SELECT id FROM activity WHERE campaign_id = ?1 AND unit_id IN "
  "(SELECT id FROM sub))) ORDER BY t.id",
};

/* The units the exported records name, with their parents up to the root;
 * parents before their children (the importer matches a shared name under the
 * parent it matched before). */
static gboolean
export_units (TzDb *db, JsonBuilder *b, gint64 campaign_id, gint64 unit_id, GError **error)
{
  static const char sql[] =
      "WITH RECURSIVE sub(id) AS (SELECT ?2 UNION SELECT u.id FROM unit u JOIN sub ON "
      "u.parent_id = sub.id), "
      "named(id) AS (SELECT ?2 "
      "  UNION SELECT unit_id FROM person WHERE id IN (SELECT person_id FROM entry t "
      "WHERE " ENTRY_SCOPE ") "
      "  UNION SELECT entrant_unit_id FROM entry t WHERE " ENTRY_SCOPE
      "  UNION SELECT recommending_unit_id FROM entry t WHERE " ENTRY_SCOPE
      "  UNION SELECT unit_id FROM opinion WHERE entry_id IN (SELECT t.id FROM entry t "
      "WHERE " ENTRY_SCOPE ") "
      "  UNION SELECT unit_id FROM activity WHERE campaign_id = ?1 AND unit_id IN (SELECT id "
      "FROM sub)), "
      "up(id) AS (SELECT id FROM named WHERE id IS NOT NULL UNION SELECT u.parent_id FROM unit u "
      "JOIN up ON u.id = up.id WHERE u.parent_id IS NOT NULL) "
      "SELECT u.uuid, u.name, (SELECT uuid FROM unit WHERE id = u.parent_id), "
      "  (WITH RECURSIVE anc(id) AS (SELECT u.parent_id UNION SELECT a.parent_id FROM unit a "
      "   JOIN anc ON a.id = anc.id) SELECT count(*) FROM anc WHERE id IS NOT NULL) AS depth "
      "FROM unit u WHERE u.id IN (SELECT id FROM up) ORDER BY depth, u.id";
  g_autoptr (sqlite3_stmt) stmt = tz_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  json_builder_set_member_name (b, "units");
  json_builder_begin_array (b);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "uuid");
      json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, 0));
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, 1));
      json_builder_set_member_name (b, "parent");
      if (sqlite3_column_type (stmt, 2) == SQLITE_NULL)
        json_builder_add_null_value (b);
      else
        json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, 2));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return rc == SQLITE_DONE;
}

static gboolean
export_tracks (TzDb *db, JsonBuilder *b, gint64 campaign_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = tz_db_prepare (
      db, "SELECT uuid, name FROM track WHERE campaign_id = ? ORDER BY seq, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  json_builder_set_member_name (b, "tracks");
  json_builder_begin_array (b);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "uuid");
      json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, 0));
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, 1));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return rc == SQLITE_DONE;
}

static gboolean
out_write (GsfOutput *out, const void *data, gsize length, const char *path, GError **error)
{
  if (!gsf_output_write (out, length, data))
    {
      const GError *e = gsf_output_error (out);
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO, _ ("The package “%s” cannot be written: %s"),
                   path, e != NULL ? e->message : g_strerror (EIO));
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_member (GsfOutfile *zip, GPtrArray *members, const char *name, const void *data, gsize length,
            const char *path, GError **error)
{
  g_autoptr (GsfOutput) child = gsf_outfile_new_child (zip, name, FALSE);
  Member *m;

  if (!out_write (child, data, length, path, error))
    return FALSE;
  gsf_output_close (child);
  m = g_new0 (Member, 1);
  m->name = g_strdup (name);
  m->size = (gint64) length;
  m->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
  g_ptr_array_add (members, m);
  return TRUE;
}

/* Copies the stored file @sha256 into the zip under files/, checking its hash. */
static gboolean
add_file_member (TzDb *db, GsfOutfile *files_dir, GPtrArray *members, const char *sha256,
                 const char *path, GError **error)
{
  g_autofree char *source = stored_path (db, sha256);
  g_autoptr (GFile) file = g_file_new_for_path (source);
  g_autoptr (GFileInputStream) in = NULL;
  g_autoptr (GsfOutput) child = NULL;
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (COPY_CHUNK);
  g_autoptr (GError) local = NULL;
  gint64 size = 0;
  Member *m;

  in = g_file_read (file, NULL, &local);
  if (in == NULL)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                   _ ("The stored file %s cannot be read (%s). Attach the file again before "
                      "exporting."),
                   sha256, local->message);
      return FALSE;
    }
  child = gsf_outfile_new_child (files_dir, sha256, FALSE);
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (in), buffer, COPY_CHUNK, NULL, &local);
      if (n < 0)
        {
          g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO,
                       _ ("The stored file %s cannot be read: %s"), sha256, local->message);
          return FALSE;
        }
      if (n == 0)
        break;
      g_checksum_update (sum, buffer, (gsize) n);
      size += n;
      if (!out_write (child, buffer, (gsize) n, path, error))
        return FALSE;
    }
  gsf_output_close (child);
  if (g_strcmp0 (g_checksum_get_string (sum), sha256) != 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("The stored file %s no longer has the content it was stored with. Attach "
                      "the file again before exporting."),
                   sha256);
      return FALSE;
    }
  m = g_new0 (Member, 1);
  m->name = g_strconcat (FILES_PREFIX, sha256, NULL);
  m->size = size;
  m->sha256 = g_strdup (sha256);
  g_ptr_array_add (members, m);
  return TRUE;
}

static char *
now_iso8601 (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
builder_to_string (JsonBuilder *b)
{
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (b);

  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

gboolean
tz_package_export (TzDb *db, gint64 campaign_id, gint64 unit_id, const char *path, guint *n_records,
                   GError **error)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonBuilder) mb = json_builder_new ();
  g_autoptr (GHashTable) sha256s = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GsfOutput) sink = NULL;
  g_autoptr (GsfOutfile) zip = NULL;
  g_autoptr (GsfOutfile) files_dir = NULL;
  g_autoptr (GError) local = NULL;
  g_autofree char *campaign_uuid = NULL, *campaign_title = NULL;
  g_autofree char *unit_uuid = NULL, *unit_name = NULL;
  g_autofree char *data = NULL, *manifest = NULL, *created = now_iso8601 ();
  g_autofree char *dir = NULL, *tmp_path = NULL, *details = NULL;
  g_autoptr (GList) shas = NULL;
  guint count = 0;
  int fd, rc;

  g_return_val_if_fail (TZ_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  stmt = tz_db_prepare (db, "SELECT uuid, title FROM campaign WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("There is no campaign %" PRId64 "."),
                   campaign_id);
      return FALSE;
    }
  campaign_uuid = tz_db_column_dup (stmt, 0);
  campaign_title = tz_db_column_dup (stmt, 1);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = tz_db_prepare (db, "SELECT uuid, name FROM unit WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("There is no unit %" PRId64 "."),
                   unit_id);
      return FALSE;
    }
  unit_uuid = tz_db_column_dup (stmt, 0);
  unit_name = tz_db_column_dup (stmt, 1);
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* One read transaction: the package is a consistent snapshot. */
  if (!tz_db_begin (db, error))
    return FALSE;
  json_builder_begin_object (b);
  if (!export_units (db, b, campaign_id, unit_id, error) ||
      !export_tracks (db, b, campaign_id, error))
    goto fail;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (!export_kind (db, b, &kinds[i], export_where[i], campaign_id, unit_id, sha256s, &count,
                      error))
      goto fail;
  json_builder_end_object (b);
  data = builder_to_string (b);

  /* Written beside the target and renamed: a failure leaves no half package. */
  dir = g_path_get_dirname (path);
  tmp_path = g_build_filename (dir, ".taizhang-package-XXXXXX", NULL);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO,
                   _ ("The package “%s” cannot be written: %s. Choose a folder you can write to."),
                   path, g_strerror (saved));
      goto fail;
    }
  fchmod (fd, 0600);
  close (fd);
  sink = gsf_output_stdio_new (tmp_path, &local);
  if (sink == NULL)
    {
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO, _ ("The package “%s” cannot be written: %s"),
                   path, local->message);
      goto fail_unlink;
    }
  zip = gsf_outfile_zip_new (sink, &local);
  if (zip == NULL)
    {
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO, _ ("The package “%s” cannot be written: %s"),
                   path, local->message);
      goto fail_unlink;
    }
  if (!add_member (zip, members, DATA_NAME, data, strlen (data), path, error))
    goto fail_unlink;
  if (g_hash_table_size (sha256s) > 0)
    {
      files_dir = GSF_OUTFILE (gsf_outfile_new_child (zip, "files", TRUE));
      shas = g_list_sort (g_hash_table_get_keys (sha256s), (GCompareFunc) strcmp);
      for (GList *l = shas; l != NULL; l = l->next)
        if (!add_file_member (db, files_dir, members, l->data, path, error))
          goto fail_unlink;
      gsf_output_close (GSF_OUTPUT (files_dir));
    }

  json_builder_begin_object (mb);
  json_builder_set_member_name (mb, "format");
  json_builder_add_string_value (mb, TZ_PACKAGE_FORMAT);
  json_builder_set_member_name (mb, "version");
  json_builder_add_int_value (mb, TZ_PACKAGE_VERSION);
  json_builder_set_member_name (mb, "created_at");
  json_builder_add_string_value (mb, created);
  json_builder_set_member_name (mb, "sender");
  json_builder_begin_object (mb);
  json_builder_set_member_name (mb, "uuid");
  json_builder_add_string_value (mb, unit_uuid);
  json_builder_set_member_name (mb, "name");
  json_builder_add_string_value (mb, unit_name);
  json_builder_end_object (mb);
  json_builder_set_member_name (mb, "campaign");
  json_builder_begin_object (mb);
  json_builder_set_member_name (mb, "uuid");
  json_builder_add_string_value (mb, campaign_uuid);
  json_builder_set_member_name (mb, "title");
  json_builder_add_string_value (mb, campaign_title);
  json_builder_end_object (mb);
  json_builder_set_member_name (mb, "members");
  json_builder_begin_array (mb);
  for (guint i = 0; i < members->len; i++)
    {
      Member *m = members->pdata[i];
      json_builder_begin_object (mb);
      json_builder_set_member_name (mb, "name");
      json_builder_add_string_value (mb, m->name);
      json_builder_set_member_name (mb, "size");
      json_builder_add_int_value (mb, m->size);
      json_builder_set_member_name (mb, "sha256");
      json_builder_add_string_value (mb, m->sha256);
      json_builder_end_object (mb);
    }
  json_builder_end_array (mb);
  json_builder_end_object (mb);
  manifest = builder_to_string (mb);
  {
    g_autoptr (GsfOutput) child = gsf_outfile_new_child (zip, MANIFEST_NAME, FALSE);
    if (!out_write (child, manifest, strlen (manifest), path, error))
      goto fail_unlink;
    gsf_output_close (child);
  }
  if (!gsf_output_close (GSF_OUTPUT (zip)) || !gsf_output_close (sink))
    {
      const GError *e = gsf_output_error (sink);
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO, _ ("The package “%s” cannot be written: %s"),
                   path, e != NULL ? e->message : g_strerror (EIO));
      goto fail_unlink;
    }
  g_chmod (tmp_path, 0600);
  if (g_rename (tmp_path, path) != 0)
    {
      int saved = errno;
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO, _ ("The package “%s” cannot be written: %s"),
                   path, g_strerror (saved));
      goto fail_unlink;
    }

  /* The package carries full ID and phone numbers: the export is recorded. */
  {
    g_autoptr (JsonBuilder) db2 = json_builder_new ();
    g_autofree char *base = g_path_get_basename (path);
    json_builder_begin_object (db2);
    json_builder_set_member_name (db2, "what");
    json_builder_add_string_value (db2, "package");
    json_builder_set_member_name (db2, "file");
    json_builder_add_string_value (db2, base);
    json_builder_set_member_name (db2, "unit");
    json_builder_add_string_value (db2, unit_name);
    json_builder_set_member_name (db2, "records");
    json_builder_add_int_value (db2, count);
    json_builder_set_member_name (db2, "unmasked");
    json_builder_add_boolean_value (db2, TRUE);
    json_builder_end_object (db2);
    {
      g_autoptr (JsonGenerator) gen = json_generator_new ();
      g_autoptr (JsonNode) root = json_builder_get_root (db2);
      json_generator_set_root (gen, root);
      details = json_generator_to_data (gen, NULL);
    }
  }
  if (!tz_audit_record (db, "campaign", campaign_id, "export", details, error) ||
      !tz_db_commit (db, error))
    {
      g_unlink (path);
      tz_db_rollback (db);
      return FALSE;
    }
  if (n_records != NULL)
    *n_records = count;
  return TRUE;

fail_unlink:
  if (tmp_path != NULL)
    g_unlink (tmp_path);
fail:
  tz_db_rollback (db);
  return FALSE;
}

/* ---- opening: the container ---------------------------------------------- */

static gboolean
name_component_ok (const char *c)
{
  if (c == NULL || *c == '\0' || g_str_equal (c, ".") || g_str_equal (c, ".."))
    return FALSE;
  if (strchr (c, '\\') != NULL || strchr (c, '/') != NULL || strchr (c, ':') != NULL)
    return FALSE;
  for (const char *s = c; *s != '\0'; s++)
    if ((guchar) *s < 0x20 || *s == 0x7f)
      return FALSE;
  return g_utf8_validate (c, -1, NULL);
}

/* Collects the members of @dir under their full names; refuses a name that
 * could point outside the package. */
static gboolean
collect_members (TzPackage *p, GsfInfile *dir, const char *prefix, int depth, GError **error)
{
  int n = gsf_infile_num_children (dir);

  if (depth > 8)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE,
                   _ ("%s: the package’s folders nest too deep; it was not written by Taizhang."),
                   p->display_name);
      return FALSE;
    }
  for (int i = 0; i < n; i++)
    {
      const char *child_name = gsf_infile_name_by_index (dir, i);
      g_autoptr (GsfInput) child = NULL;
      g_autofree char *full = NULL;

      if (!name_component_ok (child_name))
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE,
                       _ ("%s: the member “%s%s” names a path outside the package; the package "
                          "is refused. Ask the sender to export it again with Taizhang."),
                       p->display_name, prefix,
                       child_name != NULL && g_utf8_validate (child_name, -1, NULL) ? child_name
                                                                                    : "?");
          return FALSE;
        }
      full = g_strconcat (prefix, child_name, NULL);
      child = gsf_infile_child_by_index (dir, i);
      if (child == NULL)
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE,
                       _ ("%s: the member “%s” cannot be read; the file is damaged."),
                       p->display_name, full);
          return FALSE;
        }
      if (GSF_IS_INFILE (child) && gsf_infile_num_children (GSF_INFILE (child)) >= 0)
        {
          g_autofree char *sub = g_strconcat (full, "/", NULL);
          if (!collect_members (p, GSF_INFILE (child), sub, depth + 1, error))
            return FALSE;
          continue;
        }
      if (g_hash_table_size (p->members) >= MAX_MEMBERS)
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE,
                       _ ("%s: the package has more than %d members; it was not written by "
                          "Taizhang."),
                       p->display_name, MAX_MEMBERS);
          return FALSE;
        }
      if (g_hash_table_contains (p->members, full))
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE,
                       _ ("%s: the member “%s” is there twice; the package is refused."),
                       p->display_name, full);
          return FALSE;
        }
      g_hash_table_insert (p->members, g_steal_pointer (&full), g_steal_pointer (&child));
    }
  return TRUE;
}

/* Reads a whole member into memory (at most @limit bytes). */
static GBytes *
read_member (TzPackage *p, const char *name, gint64 limit, GError **error)
{
  GsfInput *in = g_hash_table_lookup (p->members, name);
  gsf_off_t size;
  guint8 *data;

  if (in == NULL)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE,
                   _ ("%s: the package has no “%s”; it is not a Taizhang package or it is "
                      "damaged."),
                   p->display_name, name);
      return NULL;
    }
  size = gsf_input_size (in);
  if (size < 0 || size > limit)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE, _ ("%s: “%s” is too large."), p->display_name,
                   name);
      return NULL;
    }
  gsf_input_seek (in, 0, G_SEEK_SET);
  data = g_malloc (size > 0 ? (gsize) size : 1);
  if (size > 0 && gsf_input_read (in, (size_t) size, data) == NULL)
    {
      g_free (data);
      g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE,
                   _ ("%s: “%s” cannot be read; the file is damaged or truncated."),
                   p->display_name, name);
      return NULL;
    }
  return g_bytes_new_take (data, (gsize) size);
}

/* The SHA-256 and size of member @in, read in blocks; NULL when unreadable. */
static char *
hash_member (GsfInput *in, gint64 *size)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  gsf_off_t left;

  if (gsf_input_seek (in, 0, G_SEEK_SET))
    return NULL;
  left = gsf_input_size (in);
  *size = left;
  while (left > 0)
    {
      size_t n = left > COPY_CHUNK ? COPY_CHUNK : (size_t) left;
      const guint8 *data = gsf_input_read (in, n, NULL);
      if (data == NULL)
        return NULL;
      g_checksum_update (sum, data, n);
      left -= (gsf_off_t) n;
    }
  return g_strdup (g_checksum_get_string (sum));
}

static const char *
obj_string (JsonObject *o, const char *member)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, member) : NULL;

  if (n == NULL || JSON_NODE_TYPE (n) != JSON_NODE_VALUE ||
      json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

static JsonObject *
obj_object (JsonObject *o, const char *member)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, member) : NULL;
  return n != NULL && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

static JsonArray *
obj_array (JsonObject *o, const char *member)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, member) : NULL;
  return n != NULL && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

/* Element @i of @array when it is an object, else NULL (never a critical). */
static JsonObject *
array_object (JsonArray *array, guint i)
{
  JsonNode *n = json_array_get_element (array, i);
  return n != NULL && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

static gboolean
node_int (JsonNode *n, gint64 *value)
{
  if (n == NULL || JSON_NODE_TYPE (n) != JSON_NODE_VALUE ||
      json_node_get_value_type (n) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (n);
  return TRUE;
}

static JsonNode *
parse_json (TzPackage *p, GBytes *bytes, const char *name, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) local = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (!g_utf8_validate (data, (gssize) len, NULL) ||
      !json_parser_load_from_data (parser, data, (gssize) len, &local) ||
      json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE, _ ("%s: “%s” is not valid JSON (%s)."),
                   p->display_name, name, local != NULL ? local->message : _ ("not an object"));
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}

static gboolean
check_manifest (TzPackage *p, JsonObject *m, GError **error)
{
  JsonObject *sender = obj_object (m, "sender");
  JsonObject *campaign = obj_object (m, "campaign");
  JsonArray *list = obj_array (m, "members");
  gint64 version = 0;
  g_autoptr (GList) names = NULL;

  if (g_strcmp0 (obj_string (m, "format"), TZ_PACKAGE_FORMAT) != 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE,
                   _ ("%s: this is not a Taizhang entry package (its manifest names no format "
                      "“%s”)."),
                   p->display_name, TZ_PACKAGE_FORMAT);
      return FALSE;
    }
  if (!node_int (json_object_get_member (m, "version"), &version) || version != TZ_PACKAGE_VERSION)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE,
                   _ ("%s: the package has format version %" PRId64
                      "; this Taizhang reads version %d. Update Taizhang or ask the sender for a "
                      "version %d package."),
                   p->display_name, version, TZ_PACKAGE_VERSION, TZ_PACKAGE_VERSION);
      return FALSE;
    }
  p->created_at = g_strdup (obj_string (m, "created_at"));
  p->sender_uuid = g_strdup (obj_string (sender, "uuid"));
  p->sender_name = g_strdup (obj_string (sender, "name"));
  p->campaign_uuid = g_strdup (obj_string (campaign, "uuid"));
  p->campaign_title = g_strdup (obj_string (campaign, "title"));
  if (p->created_at == NULL || p->sender_uuid == NULL || p->sender_name == NULL ||
      p->campaign_uuid == NULL || p->campaign_title == NULL || list == NULL)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE,
                   _ ("%s: the manifest lacks the creation time, the sender, the campaign or the "
                      "list of members."),
                   p->display_name);
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *o = array_object (list, i);
      const char *name = obj_string (o, "name");
      const char *sha = obj_string (o, "sha256");
      gint64 size = -1;
      Member *mem;

      if (o == NULL || name == NULL || sha == NULL ||
          !node_int (json_object_get_member (o, "size"), &size) || size < 0 || !is_sha256 (sha))
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE,
                       _ ("%s: member %u of the manifest lacks its name, size or SHA-256."),
                       p->display_name, i + 1);
          return FALSE;
        }
      if (g_str_equal (name, MANIFEST_NAME) || g_hash_table_contains (p->listed, name))
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE,
                       _ ("%s: the manifest lists “%s” twice or lists itself."), p->display_name,
                       name);
          return FALSE;
        }
      if (!g_hash_table_contains (p->members, name))
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE,
                       _ ("%s: the manifest lists “%s”, which the package does not contain; the "
                          "package is incomplete. Ask the sender to export it again."),
                       p->display_name, name);
          return FALSE;
        }
      mem = g_new0 (Member, 1);
      mem->name = g_strdup (name);
      mem->size = size;
      mem->sha256 = g_strdup (sha);
      g_hash_table_insert (p->listed, mem->name, mem);
    }

  names = g_hash_table_get_keys (p->members);
  names = g_list_sort (names, (GCompareFunc) strcmp);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      Member *mem;
      g_autofree char *sha = NULL;
      gint64 size = 0;

      if (g_str_equal (name, MANIFEST_NAME))
        continue;
      mem = g_hash_table_lookup (p->listed, name);
      if (mem == NULL ||
          !(g_str_equal (name, DATA_NAME) ||
            (g_str_has_prefix (name, FILES_PREFIX) && is_sha256 (name + strlen (FILES_PREFIX)))))
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE,
                       _ ("%s: the package contains “%s”, which its manifest does not list; the "
                          "package is refused."),
                       p->display_name, name);
          return FALSE;
        }
      /* The sizes first: a forged zip directory may claim gigabytes that
       * would take minutes to inflate. Deflate expands at most ~1032:1. */
      size = gsf_input_size (g_hash_table_lookup (p->members, name));
      if (size == mem->size && size <= p->input_size * 1032 + 65536)
        sha = hash_member (g_hash_table_lookup (p->members, name), &size);
      if (sha == NULL || size != mem->size)
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE,
                       _ ("%s: “%s” has %" PRId64 " bytes where the manifest says %" PRId64
                          "; the package is damaged or truncated. Ask the sender for it again."),
                       p->display_name, name, size, mem->size);
          return FALSE;
        }
      if (!g_str_equal (sha, mem->sha256) || (g_str_has_prefix (name, FILES_PREFIX) &&
                                              !g_str_equal (sha, name + strlen (FILES_PREFIX))))
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE,
                       _ ("%s: the content of “%s” does not match its checksum; the package was "
                          "damaged or changed after it was written. Ask the sender for it again."),
                       p->display_name, name);
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- opening: the data --------------------------------------------------- */

static gboolean
data_error (TzPackage *p, GError **error, const KindSpec *spec, guint index, const char *message)
{
  g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID, _ ("%s: data.json, %s[%u]: %s"), p->display_name,
               spec->array, index, message);
  return FALSE;
}

/* Reads the value of @f from @o as a canonical string into *@out. */
static gboolean
read_value (JsonObject *o, const FieldSpec *f, char **out)
{
  JsonNode *n = json_object_get_member (o, f->name);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  *out = NULL;
  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return TRUE;
  if (JSON_NODE_TYPE (n) != JSON_NODE_VALUE)
    return FALSE;
  switch (f->type)
    {
      case F_TEXT:
      case F_REF:
        if (json_node_get_value_type (n) != G_TYPE_STRING)
          return FALSE;
        *out = g_strdup (json_node_get_string (n));
        return TRUE;
      case F_INT:
        if (json_node_get_value_type (n) != G_TYPE_INT64)
          return FALSE;
        *out = g_strdup_printf ("%" PRId64, json_node_get_int (n));
        return TRUE;
      case F_REAL:
        if (json_node_get_value_type (n) == G_TYPE_INT64)
          *out = g_strdup (g_ascii_dtostr (buf, sizeof buf, (double) json_node_get_int (n)));
        else if (json_node_get_value_type (n) == G_TYPE_DOUBLE)
          *out = g_strdup (g_ascii_dtostr (buf, sizeof buf, json_node_get_double (n)));
        else
          return FALSE;
        return TRUE;
      default:
        return FALSE;
    }
}

/* A prepared statement kept for the package's life (tens of thousands of
 * lookups each); reset and unbound. Reset again with reset_statements() so
 * that no read stays open between opening and applying. */
static sqlite3_stmt *
cached_stmt (TzPackage *p, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (p->stmts, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  stmt = tz_db_prepare (p->db, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (p->stmts, g_strdup (sql), stmt);
  return stmt;
}

static void
reset_statements (TzPackage *p)
{
  GHashTableIter iter;
  gpointer stmt;

  g_hash_table_iter_init (&iter, p->stmts);
  while (g_hash_table_iter_next (&iter, NULL, &stmt))
    sqlite3_reset (stmt);
}

static gboolean
lookup_id (TzPackage *p, const char *sql, const char *text, gint64 extra, gint64 *id,
           GError **error)
{
  sqlite3_stmt *stmt = cached_stmt (p, sql, error);
  int rc;

  *id = 0;
  if (stmt == NULL)
    return FALSE;
  tz_db_bind_text (stmt, 1, text);
  sqlite3_bind_int64 (stmt, 2, extra);
  rc = tz_db_step (p->db, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      /* a name must name one row */
      if (tz_db_step (p->db, stmt, NULL) == SQLITE_ROW)
        *id = -1;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static char *
uuid_of (TzPackage *p, const char *table, gint64 id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM \"%s\" WHERE id = ?", table);
  sqlite3_stmt *stmt = cached_stmt (p, sql, NULL);
  char *uuid;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  uuid = tz_db_step (p->db, stmt, NULL) == SQLITE_ROW ? tz_db_column_dup (stmt, 0) : NULL;
  sqlite3_reset (stmt);
  return uuid;
}

#define OPINION_BY_KEY                                                                             \
  "SELECT o.id FROM opinion o JOIN entry e ON e.id = o.entry_id WHERE e.uuid = ? AND o.level = ?"

static gint64
opinion_id (TzPackage *p, const char *entry_uuid, const char *level, GError **error)
{
  sqlite3_stmt *stmt = cached_stmt (p, OPINION_BY_KEY, error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  tz_db_bind_text (stmt, 1, entry_uuid);
  sqlite3_bind_int64 (stmt, 2, level != NULL ? g_ascii_strtoll (level, NULL, 10) : 0);
  rc = tz_db_step (p->db, stmt, error);
  if (rc < 0)
    return -1;
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gboolean
match_units (TzPackage *p, JsonArray *units, GError **error)
{
  for (guint i = 0; units != NULL && i < json_array_get_length (units); i++)
    {
      JsonObject *o = array_object (units, i);
      const char *uuid = obj_string (o, "uuid");
      const char *name = obj_string (o, "name");
      gint64 id = 0;

      if (uuid == NULL || name == NULL)
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                       _ ("%s: data.json, units[%u]: the unit has no uuid or name."),
                       p->display_name, i);
          return FALSE;
        }
      if (!lookup_id (p, "SELECT id FROM unit WHERE uuid = ?1 AND ?2 = ?2", uuid, 0, &id, error))
        return FALSE;
      if (id == 0 &&
          !lookup_id (p, "SELECT id FROM unit WHERE name = ?1 AND ?2 = ?2", name, 0, &id, error))
        return FALSE;
      /* A name several units share: the one under the unit's matched parent
       * (the export lists parents before their children). */
      if (id < 0 && obj_string (o, "parent") != NULL &&
          g_hash_table_contains (p->local_uuid[REF_UNIT], obj_string (o, "parent")))
        {
          gint64 parent_id = 0;
          if (!lookup_id (p, "SELECT id FROM unit WHERE uuid = ?1 AND ?2 = ?2",
                          g_hash_table_lookup (p->local_uuid[REF_UNIT], obj_string (o, "parent")),
                          0, &parent_id, error) ||
              !lookup_id (p, "SELECT id FROM unit WHERE name = ?1 AND parent_id = ?2", name,
                          parent_id, &id, error))
            return FALSE;
          if (id == 0)
            id = -1;
        }
      if (id <= 0)
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                       id == 0 ? _ ("%s: the package names the unit “%s”, which this database does "
                                    "not have. Add it to the unit tree, then open the package "
                                    "again.")
                               : _ ("%s: the package names the unit “%s”, and this database has "
                                    "several units of that name. Rename one of them, then open "
                                    "the package again."),
                       p->display_name, name);
          return FALSE;
        }
      g_hash_table_insert (p->defined[REF_UNIT], g_strdup (uuid), NULL);
      g_hash_table_insert (p->local_uuid[REF_UNIT], g_strdup (uuid), uuid_of (p, "unit", id));
    }
  if (!g_hash_table_contains (p->defined[REF_UNIT], p->sender_uuid))
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("%s: data.json does not describe the sending unit “%s”."), p->display_name,
                   p->sender_name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
match_tracks (TzPackage *p, JsonArray *tracks, GError **error)
{
  for (guint i = 0; tracks != NULL && i < json_array_get_length (tracks); i++)
    {
      JsonObject *o = array_object (tracks, i);
      const char *uuid = obj_string (o, "uuid");
      const char *name = obj_string (o, "name");
      gint64 id = 0;

      if (uuid == NULL || name == NULL)
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                       _ ("%s: data.json, tracks[%u]: the track has no uuid or name."),
                       p->display_name, i);
          return FALSE;
        }
      if (!lookup_id (p, "SELECT id FROM track WHERE uuid = ?1 AND campaign_id = ?2", uuid,
                      p->campaign_id, &id, error))
        return FALSE;
      if (id == 0 && !lookup_id (p, "SELECT id FROM track WHERE name = ?1 AND campaign_id = ?2",
                                 name, p->campaign_id, &id, error))
        return FALSE;
      if (id <= 0)
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                       _ ("%s: the package names the track “%s”, which the campaign “%s” does not "
                          "have here. Update the campaign from its campaign file, then open the "
                          "package again."),
                       p->display_name, name, p->campaign_title);
          return FALSE;
        }
      g_hash_table_insert (p->defined[REF_TRACK], g_strdup (uuid), NULL);
      g_hash_table_insert (p->local_uuid[REF_TRACK], g_strdup (uuid), uuid_of (p, "track", id));
    }
  return TRUE;
}

static const char *
translate_ref (TzPackage *p, RefKind ref, const char *value)
{
  const char *local;

  if (value == NULL)
    return NULL;
  local = g_hash_table_lookup (p->local_uuid[ref], value);
  return local != NULL ? local : value;
}

/* Whether a referenced record exists in the package or, for people, entries
 * and activities, already in the database. */
static gboolean
ref_known (TzPackage *p, RefKind ref, const char *value)
{
  gint64 id = 0;
  g_autofree char *sql = NULL;

  if (g_hash_table_contains (p->defined[ref], value))
    return TRUE;
  if (ref == REF_UNIT || ref == REF_TRACK || ref == REF_OPINION)
    return FALSE;
  sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE uuid = ?1 AND ?2 = ?2", ref_table (ref));
  return lookup_id (p, sql, value, 0, &id, NULL) && id > 0;
}

static TzWorkRequirements *
track_requirements (TzPackage *p, GHashTable *cache, const char *track_uuid)
{
  gint64 id = 0;
  TzWorkRequirements *req;

  if (g_hash_table_lookup_extended (cache, track_uuid, NULL, (gpointer *) &req))
    return req;
  lookup_id (p, "SELECT id FROM track WHERE uuid = ?1 AND ?2 = ?2",
             translate_ref (p, REF_TRACK, track_uuid), 0, &id, NULL);
  req = id > 0 ? tz_entry_load_requirements (p->db, id, NULL) : NULL;
  g_hash_table_insert (cache, g_strdup (track_uuid), req);
  return req;
}

static void
replace_value (char **slot, const char *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (value);
}

/* Checks one record with the rules of the forms; normalises people. */
static gboolean
validate_record (TzPackage *p, Record *r, GHashTable *req_cache, GHashTable *id_numbers,
                 GError **error)
{
  const KindSpec *spec = r->spec;
  char **v = r->theirs;
  g_autoptr (GError) local = NULL;

  /* References first: everything a record names is in the package or here. */
  for (guint i = 0; i < spec->n_fields; i++)
    if (spec->fields[i].type == F_REF && v[i] != NULL && !ref_known (p, spec->fields[i].ref, v[i]))
      {
        g_autofree char *msg = g_strdup_printf (_ ("%s names “%s”, which is neither in the package "
                                                   "nor in this database"),
                                                spec->fields[i].name, v[i]);
        return data_error (p, error, spec, r->index, msg);
      }

  switch (spec->kind)
    {
      case TZ_PACKAGE_KIND_PERSON:
        {
          g_autoptr (TzPerson) person = tz_person_new ();
          const char *unit = translate_ref (p, REF_UNIT, v[8]);
          gint64 unit_id = 0;

          person->name = g_strdup (v[0]);
          person->gender = g_strdup (v[1]);
          person->birth_date = g_strdup (v[2]);
          person->ethnicity = g_strdup (v[3]);
          person->political = g_strdup (v[4]);
          person->id_number = g_strdup (v[5]);
          person->phone = g_strdup (v[6]);
          person->email = g_strdup (v[7]);
          if (unit != NULL)
            lookup_id (p, "SELECT id FROM unit WHERE uuid = ?1 AND ?2 = ?2", unit, 0, &unit_id,
                       NULL);
          person->unit_id = unit_id > 0 ? unit_id : 0;
          person->employer = g_strdup (v[9]);
          person->position = g_strdup (v[10]);
          person->title = g_strdup (v[11]);
          person->note = g_strdup (v[12]);
          if (!tz_person_normalize (p->db, person, &local))
            return data_error (p, error, spec, r->index, local->message);
          replace_value (&v[0], person->name);
          replace_value (&v[1], person->gender);
          replace_value (&v[2], person->birth_date);
          replace_value (&v[3], person->ethnicity);
          replace_value (&v[4], person->political);
          replace_value (&v[5], person->id_number);
          replace_value (&v[6], person->phone);
          replace_value (&v[7], person->email);
          replace_value (&v[9], person->employer);
          replace_value (&v[10], person->position);
          replace_value (&v[11], person->title);
          replace_value (&v[12], person->note);
          if (person->id_number != NULL)
            {
              if (g_hash_table_contains (id_numbers, person->id_number))
                return data_error (p, error, spec, r->index,
                                   _ ("ID number: the package holds this number twice"));
              g_hash_table_add (id_numbers, g_strdup (person->id_number));
            }
          return TRUE;
        }
      case TZ_PACKAGE_KIND_ACTIVITY:
        {
          g_autoptr (TzActivity) a = tz_activity_new ();
          const char *unit = translate_ref (p, REF_UNIT, v[0]);
          gint64 unit_id = 0;

          if (unit != NULL)
            lookup_id (p, "SELECT id FROM unit WHERE uuid = ?1 AND ?2 = ?2", unit, 0, &unit_id,
                       NULL);
          a->campaign_id = p->campaign_id;
          a->unit_id = unit_id > 0 ? unit_id : 0;
          a->title = g_strdup (v[1]);
          a->held_on = g_strdup (v[2]);
          a->place = g_strdup (v[3]);
          a->enterprise = g_strdup (v[4]);
          a->participants = v[5] != NULL ? g_ascii_strtoll (v[5], NULL, 10) : -1;
          a->summary = g_strdup (v[6]);
          if (!tz_activity_validate (p->db, a, &local))
            return data_error (p, error, spec, r->index, local->message);
          return TRUE;
        }
      case TZ_PACKAGE_KIND_ENTRY:
        {
          g_autoptr (TzEntry) e = tz_entry_new ();
          TzWorkRequirements *req;
          const TzEntryField checks[] = { TZ_ENTRY_FIELD_TITLE,   TZ_ENTRY_FIELD_ENTRANT,
                                          TZ_ENTRY_FIELD_STATUS,  TZ_ENTRY_FIELD_SUBMITTED_ON,
                                          TZ_ENTRY_FIELD_SUMMARY, TZ_ENTRY_FIELD_DESCRIPTION };

          if (v[0] == NULL)
            return data_error (p, error, spec, r->index, _ ("the entry names no track"));
          if (v[11] == NULL)
            v[11] = g_strdup ("draft");
          req = track_requirements (p, req_cache, v[0]);
          e->campaign_id = p->campaign_id;
          e->title = g_strdup (v[1]);
          e->description = g_strdup (v[2]);
          e->summary = g_strdup (v[3]);
          e->person_id = v[5] != NULL ? 1 : 0;
          e->entrant_unit_id = v[6] != NULL ? 1 : 0;
          e->status = g_strdup (v[11]);
          e->submitted_on = g_strdup (v[12]);
          for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
            if (!tz_entry_check_field (e, req, checks[i], &local))
              return data_error (p, error, spec, r->index, local->message);
          if (v[18] != NULL && !is_sha256 (v[18]))
            return data_error (p, error, spec, r->index,
                               _ ("file_sha256 is not 64 lower-case hex digits"));
          /* duration ≥ 0, width and height > 0, file size ≥ 0 (as the schema says) */
          if ((v[13] != NULL && g_ascii_strtod (v[13], NULL) < 0) ||
              (v[14] != NULL && g_ascii_strtoll (v[14], NULL, 10) <= 0) ||
              (v[15] != NULL && g_ascii_strtoll (v[15], NULL, 10) <= 0) ||
              (v[17] != NULL && g_ascii_strtoll (v[17], NULL, 10) < 0))
            return data_error (p, error, spec, r->index,
                               _ ("the duration, picture size or file size of the work is "
                                  "negative or zero"));
          return TRUE;
        }
      case TZ_PACKAGE_KIND_OPINION:
        {
          g_autoptr (TzOpinion) o = tz_opinion_new ();
          gint64 level = v[1] != NULL ? g_ascii_strtoll (v[1], NULL, 10) : 0;

          if (v[0] == NULL || level <= 0 || level > 100 || v[2] == NULL)
            return data_error (p, error, spec, r->index,
                               _ ("the opinion lacks its entry, its level (1 or more) or the "
                                  "level’s name"));
          if (v[7] != NULL && !g_str_equal (v[7], "0") && !g_str_equal (v[7], "1"))
            return data_error (p, error, spec, r->index, _ ("sealed must be 0 or 1"));
          o->level = (int) level;
          o->level_name = g_strdup (v[2]);
          o->text = g_strdup (v[4]);
          o->signed_on = g_strdup (v[5]);
          o->signer = g_strdup (v[6]);
          if (!tz_opinion_check (o, &local))
            return data_error (p, error, spec, r->index, local->message);
          if (v[7] == NULL)
            v[7] = g_strdup ("0");
          return TRUE;
        }
      case TZ_PACKAGE_KIND_ATTACHMENT:
        {
          static const char *const att_kinds[] = { "evidence", "photo", "material", "work",
                                                   "form",     "file",  NULL };
          guint owners = 0;
          g_autofree char *member = NULL;
          Member *m;

          for (guint i = 0; i < 4; i++)
            owners += v[i] != NULL;
          if (owners != 1)
            return data_error (p, error, spec, r->index,
                               _ ("a file must belong to exactly one activity, person, entry or "
                                  "opinion"));
          if (v[4] == NULL || !g_strv_contains (att_kinds, v[4]))
            return data_error (p, error, spec, r->index, _ ("the kind of the file is not known"));
          if (v[6] == NULL || *v[6] == '\0' || strchr (v[6], '/') != NULL ||
              strchr (v[6], '\\') != NULL || g_utf8_strlen (v[6], -1) > 255)
            return data_error (p, error, spec, r->index,
                               _ ("file_name must be a plain file name without folders"));
          if (!is_sha256 (v[9]))
            return data_error (p, error, spec, r->index,
                               _ ("sha256 is not 64 lower-case hex digits"));
          member = g_strconcat (FILES_PREFIX, v[9], NULL);
          m = g_hash_table_lookup (p->listed, member);
          if (m == NULL)
            return data_error (p, error, spec, r->index,
                               _ ("the file’s content is not in the package"));
          if (v[8] == NULL || g_ascii_strtoll (v[8], NULL, 10) != m->size)
            return data_error (p, error, spec, r->index,
                               _ ("size does not match the file in the package"));
          if (v[10] == NULL)
            v[10] = g_strdup ("0");
          return TRUE;
        }
      default:
        return TRUE;
    }
}

static gboolean
read_records (TzPackage *p, JsonObject *data, GError **error)
{
  g_autoptr (GHashTable) req_cache = g_hash_table_new_full (
      g_str_hash, g_str_equal, g_free, (GDestroyNotify) tz_work_requirements_free);
  g_autoptr (GHashTable) id_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);

  /* Pass 1: read every record and its key, so references can be checked. */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const KindSpec *spec = &kinds[k];
      JsonNode *node = json_object_get_member (data, spec->array);
      JsonArray *array;
      RefKind self_ref = spec->kind == TZ_PACKAGE_KIND_PERSON     ? REF_PERSON
                         : spec->kind == TZ_PACKAGE_KIND_ENTRY    ? REF_ENTRY
                         : spec->kind == TZ_PACKAGE_KIND_ACTIVITY ? REF_ACTIVITY
                         : spec->kind == TZ_PACKAGE_KIND_OPINION  ? REF_OPINION
                                                                  : REF_NONE;

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;
      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID, _ ("%s: data.json, %s is not a list."),
                       p->display_name, spec->array);
          return FALSE;
        }
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *o = array_object (array, i);
          Record *r;
          g_autofree char *key = NULL;

          if (o == NULL)
            return data_error (p, error, spec, i, _ ("not an object"));
          r = g_new0 (Record, 1);
          r->spec = spec;
          r->index = i;
          r->theirs = g_new0 (char *, spec->n_fields + 1);
          g_ptr_array_add (p->records, r);
          for (guint f = 0; f < spec->n_fields; f++)
            if (!read_value (o, &spec->fields[f], &r->theirs[f]))
              {
                g_autofree char *msg =
                    g_strdup_printf (_ ("%s has the wrong type"), spec->fields[f].name);
                return data_error (p, error, spec, i, msg);
              }
          if (spec->has_uuid)
            {
              const char *uuid = obj_string (o, "uuid");
              if (uuid == NULL || !g_uuid_string_is_valid (uuid))
                return data_error (p, error, spec, i, _ ("the record has no valid uuid"));
              key = g_strdup (uuid);
            }
          else
            key = g_strdup_printf ("%s/%s", r->theirs[0] != NULL ? r->theirs[0] : "",
                                   r->theirs[1] != NULL ? r->theirs[1] : "");
          if (self_ref != REF_NONE)
            {
              if (g_hash_table_contains (p->defined[self_ref], key))
                return data_error (p, error, spec, i, _ ("the record is in the package twice"));
              g_hash_table_add (p->defined[self_ref], g_strdup (key));
            }
          r->pub.kind = spec->kind;
          r->pub.uuid = g_steal_pointer (&key);
          r->pub.choice = TZ_PACKAGE_CHOICE_THEIRS;
          r->pub.diffs = g_ptr_array_new_with_free_func (g_free);
        }
    }

  /* Pass 2: validate. */
  for (guint i = 0; i < p->records->len; i++)
    {
      Record *r = p->records->pdata[i];
      if (!validate_record (p, r, req_cache, id_numbers, error))
        return FALSE;
      r->pub.name = display_name (r->spec, r->theirs, r->pub.uuid);
      if (r->spec->kind == TZ_PACKAGE_KIND_ENTRY)
        g_hash_table_insert (titles, (gpointer) r->pub.uuid, (gpointer) r->pub.name);
    }
  /* An opinion is named by its entry and its box: 王师傅的创新故事 · 推荐单位意见. */
  for (guint i = 0; i < p->records->len; i++)
    {
      Record *r = p->records->pdata[i];
      const char *title;
      if (r->spec->kind != TZ_PACKAGE_KIND_OPINION)
        continue;
      title = g_hash_table_lookup (titles, r->theirs[0]);
      if (title != NULL)
        {
          char *name = g_strdup_printf ("%s · %s", title, r->pub.name);
          g_free ((char *) r->pub.name);
          r->pub.name = name;
        }
    }
  return TRUE;
}

/* ---- comparing ----------------------------------------------------------- */

/* The local id of record @r (0: new); people may match by ID number. */
static gboolean
find_local (TzPackage *p, Record *r, GError **error)
{
  const KindSpec *spec = r->spec;
  gint64 id = 0;

  r->matched_by_id_number = FALSE;
  if (spec->has_uuid)
    {
      g_autofree char *sql =
          g_strdup_printf ("SELECT id FROM \"%s\" WHERE uuid = ?1 AND ?2 = ?2", spec->table);
      if (!lookup_id (p, sql, r->pub.uuid, 0, &id, error))
        return FALSE;
      if (id == 0 && spec->kind == TZ_PACKAGE_KIND_PERSON && r->theirs[5] != NULL)
        {
          if (!lookup_id (p, "SELECT id FROM person WHERE id_number = ?1 AND ?2 = ?2", r->theirs[5],
                          0, &id, error))
            return FALSE;
          if (id > 0)
            {
              r->matched_by_id_number = TRUE;
              g_hash_table_insert (p->local_uuid[REF_PERSON], g_strdup (r->pub.uuid),
                                   uuid_of (p, "person", id));
            }
        }
    }
  else
    {
      id = opinion_id (p, r->theirs[0], r->theirs[1], error);
      if (id < 0)
        return FALSE;
    }
  r->pub.local_id = id > 0 ? id : 0;
  return TRUE;
}

/* The local value a package value stands for (references translated). */
static const char *
theirs_local (TzPackage *p, const FieldSpec *f, const char *value)
{
  /* Entries, activities and opinions match by uuid only: never translated. */
  if (f->type == F_REF && (f->ref == REF_UNIT || f->ref == REF_TRACK || f->ref == REF_PERSON))
    return translate_ref (p, f->ref, value);
  return value;
}

static gboolean
same_value (const FieldSpec *f, const char *a, const char *b)
{
  if (f->type == F_REAL && a != NULL && b != NULL)
    return g_ascii_strtod (a, NULL) == g_ascii_strtod (b, NULL);
  return g_strcmp0 (a, b) == 0;
}

static char *
truncate_seconds (const char *at)
{
  /* import_log.at has milliseconds, updated_at whole seconds */
  if (at == NULL || strlen (at) < 19)
    return g_strdup (at);
  return g_strdup_printf ("%.19sZ", at);
}

static gboolean
compare_all (TzPackage *p, GError **error)
{
  g_autofree char *last = truncate_seconds (p->last_import);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const KindSpec *spec = &kinds[k];
      g_autofree char *sql = select_sql (spec, "WHERE t.id = ?");
      g_autoptr (sqlite3_stmt) stmt = tz_db_prepare (p->db, sql, error);

      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < p->records->len; i++)
        {
          Record *r = p->records->pdata[i];
          g_autofree char *updated = NULL;
          int rc;

          if (r->spec != spec)
            continue;
          if (!find_local (p, r, error))
            return FALSE;
          g_ptr_array_set_size (r->pub.diffs, 0);
          if (r->ours != NULL)
            {
              for (guint f = 0; f < spec->n_fields; f++)
                g_free (r->ours[f]);
              g_clear_pointer (&r->ours, g_free);
            }
          if (r->pub.local_id == 0)
            {
              r->pub.status = TZ_PACKAGE_STATUS_NEW;
              continue;
            }
          sqlite3_reset (stmt);
          sqlite3_bind_int64 (stmt, 1, r->pub.local_id);
          rc = tz_db_step (p->db, stmt, error);
          if (rc != SQLITE_ROW)
            {
              if (rc >= 0)
                g_set_error (error, TZ_ERROR, TZ_ERROR_FAILED, "record %" PRId64 " vanished",
                             r->pub.local_id);
              return FALSE;
            }
          updated = tz_db_column_dup (stmt, 2);
          r->ours = row_values (stmt, spec, 3);
          for (guint f = 0; f < spec->n_fields; f++)
            {
              const char *theirs = theirs_local (p, &spec->fields[f], r->theirs[f]);
              if (!same_value (&spec->fields[f], r->ours[f], theirs))
                {
                  TzPackageDiff *d = g_new0 (TzPackageDiff, 1);
                  d->field = spec->fields[f].name;
                  d->ours = r->ours[f];
                  d->theirs = theirs;
                  g_ptr_array_add (r->pub.diffs, d);
                }
            }
          if (r->pub.diffs->len == 0)
            r->pub.status = TZ_PACKAGE_STATUS_UNCHANGED;
          else if (r->matched_by_id_number || last == NULL || g_strcmp0 (updated, last) > 0)
            {
              /* Ours did not come from this sender, or was edited here since. */
              r->pub.status = TZ_PACKAGE_STATUS_CONFLICT;
              r->pub.choice = TZ_PACKAGE_CHOICE_NONE;
            }
          else
            r->pub.status = TZ_PACKAGE_STATUS_CHANGED;
        }
    }
  return TRUE;
}

static gboolean
load_last_import (TzPackage *p, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = tz_db_prepare (
      p->db,
      "SELECT max(at) FROM import_log WHERE kind = 'package' AND campaign_id = ? AND note = ?",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, p->campaign_id);
  tz_db_bind_text (stmt, 2, p->sender_uuid);
  if (tz_db_step (p->db, stmt, error) != SQLITE_ROW)
    return FALSE;
  g_free (p->last_import);
  p->last_import = tz_db_column_dup (stmt, 0);
  return TRUE;
}

static TzPackage *
open_input (TzDb *db, GsfInput *input, const char *display_name, GError **error)
{
  g_autoptr (TzPackage) p = g_new0 (TzPackage, 1);
  g_autoptr (GError) local = NULL;
  g_autoptr (GBytes) manifest_bytes = NULL;
  g_autoptr (GBytes) data_bytes = NULL;
  g_autoptr (JsonNode) manifest = NULL;
  g_autoptr (JsonNode) data = NULL;
  gint64 id = 0;

  p->db = g_object_ref (db);
  p->display_name = g_strdup (display_name);
  p->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  p->listed = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) member_free);
  p->records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  p->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);
  for (guint i = 0; i < N_REFS; i++)
    {
      p->local_uuid[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      p->defined[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }

  p->input_size = gsf_input_size (input);
  p->zip = gsf_infile_zip_new (input, &local);
  if (p->zip == NULL)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE,
                   _ ("%s: not a Taizhang entry package, or the file is truncated (%s). Ask the "
                      "sender for it again."),
                   display_name, local != NULL ? local->message : "zip");
      return NULL;
    }
  if (!collect_members (p, p->zip, "", 0, error))
    return NULL;
  manifest_bytes = read_member (p, MANIFEST_NAME, MAX_MANIFEST_SIZE, error);
  if (manifest_bytes == NULL)
    return NULL;
  manifest = parse_json (p, manifest_bytes, MANIFEST_NAME, error);
  if (manifest == NULL || !check_manifest (p, json_node_get_object (manifest), error))
    return NULL;
  if (!g_hash_table_contains (p->listed, DATA_NAME))
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE, _ ("%s: the package has no “%s”."),
                   display_name, DATA_NAME);
      return NULL;
    }

  if (!lookup_id (p, "SELECT id FROM campaign WHERE uuid = ?1 AND ?2 = ?2", p->campaign_uuid, 0,
                  &id, error))
    return NULL;
  if (id <= 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                   _ ("%s: the package is for the campaign “%s”, which this database does not "
                      "have. Import that campaign’s file first, or ask for a package of one of "
                      "your campaigns."),
                   display_name, p->campaign_title);
      return NULL;
    }
  p->campaign_id = id;

  data_bytes = read_member (p, DATA_NAME, MAX_DATA_SIZE, error);
  if (data_bytes == NULL)
    return NULL;
  data = parse_json (p, data_bytes, DATA_NAME, error);
  if (data == NULL)
    return NULL;
  g_clear_pointer (&data_bytes, g_bytes_unref);
  if (!match_units (p, obj_array (json_node_get_object (data), "units"), error) ||
      !match_tracks (p, obj_array (json_node_get_object (data), "tracks"), error) ||
      !read_records (p, json_node_get_object (data), error) || !load_last_import (p, error) ||
      !compare_all (p, error))
    return NULL;
  reset_statements (p);
  return g_steal_pointer (&p);
}

static char *
hash_input (GsfInput *in)
{
  gint64 size;
  return hash_member (in, &size);
}

TzPackage *
tz_package_open_bytes (TzDb *db, GBytes *bytes, const char *display_name, GError **error)
{
  g_autoptr (GsfInput) input = NULL;
  TzPackage *p;
  gsize len;
  const guint8 *data;

  g_return_val_if_fail (TZ_IS_DB (db), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  input = gsf_input_memory_new (data, (gsf_off_t) len, FALSE);
  p = open_input (db, input, display_name != NULL ? display_name : "package", error);
  if (p != NULL)
    {
      p->bytes = g_bytes_ref (bytes);
      p->file_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
    }
  return p;
}

TzPackage *
tz_package_open (TzDb *db, const char *path, GError **error)
{
  g_autoptr (GsfInput) input = NULL;
  g_autoptr (GError) local = NULL;
  g_autofree char *base = NULL;
  g_autofree char *file_sha256 = NULL;
  TzPackage *p;

  g_return_val_if_fail (TZ_IS_DB (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  base = g_path_get_basename (path);
  input = gsf_input_stdio_new (path, &local);
  if (input == NULL)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("%s cannot be opened: %s"), path,
                   local->message);
      return NULL;
    }
  file_sha256 = hash_input (input);
  gsf_input_seek (input, 0, G_SEEK_SET);
  p = open_input (db, input, base, error);
  if (p != NULL)
    p->file_sha256 = g_steal_pointer (&file_sha256);
  return p;
}

/* ---- accessors ----------------------------------------------------------- */

const char *
tz_package_get_sender_uuid (const TzPackage *p)
{
  return p->sender_uuid;
}

const char *
tz_package_get_sender_name (const TzPackage *p)
{
  return p->sender_name;
}

const char *
tz_package_get_campaign_uuid (const TzPackage *p)
{
  return p->campaign_uuid;
}

const char *
tz_package_get_campaign_title (const TzPackage *p)
{
  return p->campaign_title;
}

gint64
tz_package_get_campaign_id (const TzPackage *p)
{
  return p->campaign_id;
}

const char *
tz_package_get_created_at (const TzPackage *p)
{
  return p->created_at;
}

const char *
tz_package_get_last_import (const TzPackage *p)
{
  return p->last_import;
}

guint
tz_package_get_n_records (const TzPackage *p)
{
  return p->records->len;
}

const TzPackageRecord *
tz_package_get_record (const TzPackage *p, guint index)
{
  g_return_val_if_fail (index < p->records->len, NULL);
  return &((Record *) p->records->pdata[index])->pub;
}

void
tz_package_get_summary (const TzPackage *p, TzPackageSummary *s)
{
  memset (s, 0, sizeof *s);
  for (guint i = 0; i < p->records->len; i++)
    {
      const Record *r = p->records->pdata[i];
      switch (r->pub.status)
        {
          case TZ_PACKAGE_STATUS_NEW:
            s->n_new++;
            break;
          case TZ_PACKAGE_STATUS_CHANGED:
            s->n_changed++;
            break;
          case TZ_PACKAGE_STATUS_CONFLICT:
            s->n_conflict++;
            if (r->pub.choice == TZ_PACKAGE_CHOICE_OURS)
              s->n_kept++;
            break;
          default:
            s->n_unchanged++;
            break;
        }
    }
}

void
tz_package_set_choice (TzPackage *p, guint index, TzPackageChoice choice)
{
  g_return_if_fail (index < p->records->len);
  ((Record *) p->records->pdata[index])->pub.choice = choice;
}

void
tz_package_set_all_conflicts (TzPackage *p, TzPackageChoice choice)
{
  for (guint i = 0; i < p->records->len; i++)
    {
      Record *r = p->records->pdata[i];
      if (r->pub.status == TZ_PACKAGE_STATUS_CONFLICT)
        r->pub.choice = choice;
    }
}

/* ---- applying ------------------------------------------------------------ */

/* Flushes everything written to the file system holding @dir: one flush for
 * thousands of small files instead of an fsync() each. */
static gboolean
sync_dir (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
#ifdef __linux__
  ok = syncfs (fd) == 0;
#else
  sync ();
  ok = TRUE;
#endif
  close (fd);
  return ok;
}

typedef struct
{
  char *tmp_path;
  char *final_path;
} PendingFile;

static void
pending_file_free (PendingFile *f)
{
  if (f->tmp_path != NULL)
    g_unlink (f->tmp_path);
  g_free (f->tmp_path);
  g_free (f->final_path);
  g_free (f);
}

/* Writes member files/<sha256> to a temporary file beside its final place in
 * the files folder, checking its hash; NULL without error when it is there
 * already. */
static PendingFile *
write_member_file (TzPackage *p, const char *sha256, GError **error)
{
  g_autofree char *final_path = stored_path (p->db, sha256);
  g_autofree char *final_dir = g_path_get_dirname (final_path);
  g_autofree char *tmp_path = NULL;
  g_autofree char *member = g_strconcat (FILES_PREFIX, sha256, NULL);
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  GsfInput *in = g_hash_table_lookup (p->members, member);
  PendingFile *pending;
  gsf_off_t left;
  int fd = -1, saved = 0;

  if (g_file_test (final_path, G_FILE_TEST_IS_REGULAR) || in == NULL)
    return NULL;
  if (g_mkdir_with_parents (final_dir, 0700) != 0 || g_chmod (final_dir, 0700) != 0)
    {
      saved = errno;
      goto io_error;
    }
  tmp_path = g_build_filename (final_dir, ".incoming-XXXXXX", NULL);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved = errno;
      g_clear_pointer (&tmp_path, g_free);
      goto io_error;
    }
  fchmod (fd, 0600);
  gsf_input_seek (in, 0, G_SEEK_SET);
  left = gsf_input_size (in);
  while (left > 0)
    {
      size_t n = left > COPY_CHUNK ? COPY_CHUNK : (size_t) left;
      const guint8 *data = gsf_input_read (in, n, NULL);
      size_t done = 0;

      if (data == NULL)
        {
          saved = EIO;
          goto io_error;
        }
      g_checksum_update (sum, data, n);
      while (done < n)
        {
          ssize_t w = write (fd, data + done, n - done);
          if (w < 0 && errno == EINTR)
            continue;
          if (w <= 0)
            {
              saved = w < 0 ? errno : EIO;
              goto io_error;
            }
          done += (size_t) w;
        }
      left -= (gsf_off_t) n;
    }
  if (close (fd) != 0)
    {
      fd = -1;
      saved = errno;
      goto io_error;
    }
  fd = -1;
  if (!g_str_equal (g_checksum_get_string (sum), sha256))
    {
      g_unlink (tmp_path);
      g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE,
                   _ ("%s: the content of “%s” does not match its checksum."), p->display_name,
                   member);
      return NULL;
    }
  pending = g_new0 (PendingFile, 1);
  pending->tmp_path = g_steal_pointer (&tmp_path);
  pending->final_path = g_steal_pointer (&final_path);
  return pending;

io_error:
  if (fd >= 0)
    close (fd);
  if (tmp_path != NULL)
    g_unlink (tmp_path);
  g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO,
               _ ("The file “%s” of the package cannot be stored in “%s”: %s. Free some disk space "
                  "or check the folder’s permissions."),
               member, final_dir, g_strerror (saved));
  return NULL;
}

/* Stores the files of the attachments to be written, content-addressed: all
 * written to temporary files, flushed, renamed, flushed again — a crash leaves
 * at worst stray temporary files, never half a file under its final name. */
static gboolean
store_files (TzPackage *p, GError **error)
{
  g_autoptr (GPtrArray) pending =
      g_ptr_array_new_with_free_func ((GDestroyNotify) pending_file_free);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *dir = tz_attachment_dir (p->db);

  for (guint i = 0; i < p->records->len; i++)
    {
      Record *r = p->records->pdata[i];
      PendingFile *f;
      g_autoptr (GError) local = NULL;

      if (r->spec->kind != TZ_PACKAGE_KIND_ATTACHMENT ||
          r->pub.choice != TZ_PACKAGE_CHOICE_THEIRS ||
          r->pub.status == TZ_PACKAGE_STATUS_UNCHANGED || !g_hash_table_add (seen, r->theirs[9]))
        continue;
      f = write_member_file (p, r->theirs[9], &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (f != NULL)
        g_ptr_array_add (pending, f);
    }
  if (pending->len == 0)
    return TRUE;
  if (!sync_dir (dir))
    {
      int saved = errno;
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO,
                   _ ("The files of the package cannot be stored in “%s”: %s. Free some disk "
                      "space or check the folder’s permissions."),
                   dir, g_strerror (saved));
      return FALSE;
    }
  for (guint i = 0; i < pending->len; i++)
    {
      PendingFile *f = pending->pdata[i];
      if (g_rename (f->tmp_path, f->final_path) != 0)
        {
          int saved = errno;
          g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO,
                       _ ("The file “%s” cannot be stored: %s. Free some disk space or check the "
                          "folder’s permissions."),
                       f->final_path, g_strerror (saved));
          return FALSE;
        }
      g_clear_pointer (&f->tmp_path, g_free);
    }
  sync_dir (dir);
  return TRUE;
}

/* The local id of reference @value of kind @ref; 0 when none. */
static gint64
resolve_ref (TzPackage *p, RefKind ref, const char *value)
{
  gint64 id = 0;

  if (value == NULL)
    return 0;
  if (ref == REF_OPINION)
    {
      g_autofree char *entry = g_strdup (value);
      char *slash = strrchr (entry, '/');
      if (slash == NULL)
        return 0;
      *slash = '\0';
      id = opinion_id (p, entry, slash + 1, NULL);
      return id > 0 ? id : 0;
    }
  {
    g_autofree char *sql =
        g_strdup_printf ("SELECT id FROM \"%s\" WHERE uuid = ?1 AND ?2 = ?2", ref_table (ref));
    lookup_id (p, sql, translate_ref (p, ref, value), 0, &id, NULL);
  }
  return id > 0 ? id : 0;
}

static void
bind_field (TzPackage *p, sqlite3_stmt *stmt, int index, const FieldSpec *f, const char *value)
{
  if (value == NULL)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  switch (f->type)
    {
      case F_INT:
        sqlite3_bind_int64 (stmt, index, g_ascii_strtoll (value, NULL, 10));
        break;
      case F_REAL:
        sqlite3_bind_double (stmt, index, g_ascii_strtod (value, NULL));
        break;
      case F_REF:
        {
          gint64 id = resolve_ref (p, f->ref, value);
          if (id > 0)
            sqlite3_bind_int64 (stmt, index, id);
          else
            sqlite3_bind_null (stmt, index);
        }
        break;
      default:
        tz_db_bind_text (stmt, index, value);
        break;
    }
}

static gboolean
write_record (TzPackage *p, Record *r, GError **error)
{
  const KindSpec *spec = r->spec;
  g_autoptr (GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  guint n = spec->n_fields;

  if (r->pub.local_id == 0)
    {
      g_string_append_printf (sql, "INSERT INTO \"%s\" (", spec->table);
      for (guint i = 0; i < n; i++)
        g_string_append_printf (sql, "%s\"%s\"", i ? ", " : "", spec->fields[i].column);
      if (spec->has_uuid)
        g_string_append (sql, ", uuid");
      if (spec->has_campaign)
        g_string_append (sql, ", campaign_id");
      g_string_append (sql, ") VALUES (");
      for (guint i = 0; i < n; i++)
        g_string_append_printf (sql, "%s?%u", i ? ", " : "", i + 1);
      if (spec->has_uuid)
        g_string_append_printf (sql, ", ?%u", n + 1);
      if (spec->has_campaign)
        g_string_append_printf (sql, ", ?%u", n + 2);
      g_string_append (sql, ")");
    }
  else
    {
      g_string_append_printf (sql, "UPDATE \"%s\" SET ", spec->table);
      for (guint i = 0; i < n; i++)
        g_string_append_printf (sql, "%s\"%s\" = ?%u", i ? ", " : "", spec->fields[i].column,
                                i + 1);
      g_string_append_printf (sql,
                              ", updated_at = strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now') "
                              "WHERE id = ?%u",
                              n + 3);
    }
  stmt = cached_stmt (p, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    bind_field (p, stmt, (int) i + 1, &spec->fields[i], r->theirs[i]);
  if (r->pub.local_id == 0 && spec->has_uuid)
    tz_db_bind_text (stmt, (int) n + 1, r->pub.uuid);
  if (r->pub.local_id == 0 && spec->has_campaign)
    sqlite3_bind_int64 (stmt, (int) n + 2, p->campaign_id);
  if (r->pub.local_id != 0)
    sqlite3_bind_int64 (stmt, (int) n + 3, r->pub.local_id);
  if (!tz_db_step_done (p->db, stmt, error))
    {
      g_prefix_error (error, _ ("%s: data.json, %s[%u] (%s): "), p->display_name, spec->array,
                      r->index, r->pub.name);
      return FALSE;
    }
  return TRUE;
}

gboolean
tz_package_apply (TzPackage *p, TzPackageSummary *summary, GError **error)
{
  g_autoptr (GArray) before = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (TzImportLogEntry) log = NULL;
  TzPackageSummary s = { 0 };
  guint writes = 0;

  g_return_val_if_fail (p != NULL, FALSE);

  for (guint i = 0; i < p->records->len; i++)
    {
      Record *r = p->records->pdata[i];
      if (r->pub.status == TZ_PACKAGE_STATUS_CONFLICT && r->pub.choice == TZ_PACKAGE_CHOICE_NONE)
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                       _ ("%s: %s “%s” is in conflict with the record here. Choose to keep ours "
                          "or take theirs for every conflict, then apply again."),
                       p->display_name, tz_package_kind_label (r->pub.kind), r->pub.name);
          return FALSE;
        }
      g_array_append_val (before, r->pub.status);
    }

  /* Files first: a rollback below leaves at most unreferenced files. */
  if (!store_files (p, error))
    return FALSE;

  if (!tz_backup_create (p->db, "before-import", NULL, error) || !tz_db_begin (p->db, error))
    return FALSE;
  /* The database may have changed since the preview: compare again inside
   * the transaction and refuse when the user saw something else. */
  {
    g_autofree char *seen = g_strdup (p->last_import);
    if (!load_last_import (p, error))
      goto fail;
    if (g_strcmp0 (seen, p->last_import) != 0)
      goto changed;
  }
  {
    g_autoptr (GArray) choices = g_array_new (FALSE, FALSE, sizeof (int));
    for (guint i = 0; i < p->records->len; i++)
      {
        int c = ((Record *) p->records->pdata[i])->pub.choice;
        g_array_append_val (choices, c);
      }
    if (!compare_all (p, error))
      goto fail;
    for (guint i = 0; i < p->records->len; i++)
      {
        Record *r = p->records->pdata[i];
        if ((int) r->pub.status != g_array_index (before, int, i))
          goto changed;
        r->pub.choice = g_array_index (choices, int, i);
      }
  }

  for (guint i = 0; i < p->records->len; i++)
    {
      Record *r = p->records->pdata[i];
      switch (r->pub.status)
        {
          case TZ_PACKAGE_STATUS_UNCHANGED:
            s.n_unchanged++;
            continue;
          case TZ_PACKAGE_STATUS_CONFLICT:
            s.n_conflict++;
            if (r->pub.choice != TZ_PACKAGE_CHOICE_THEIRS)
              {
                s.n_kept++;
                continue;
              }
            break;
          case TZ_PACKAGE_STATUS_NEW:
            if (r->pub.choice != TZ_PACKAGE_CHOICE_THEIRS)
              continue;
            s.n_new++;
            break;
          default:
            if (r->pub.choice != TZ_PACKAGE_CHOICE_THEIRS)
              continue;
            s.n_changed++;
            break;
        }
      if (!write_record (p, r, error))
        goto fail;
      writes++;
    }

  /* A conflict kept as ours must stay a conflict with the next package from
   * this sender: its edit is marked as later than this import, else the
   * import time written below would make it look untouched since. */
  for (guint i = 0; writes > 0 && i < p->records->len; i++)
    {
      Record *r = p->records->pdata[i];
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt;

      if (r->pub.status != TZ_PACKAGE_STATUS_CONFLICT || r->pub.choice == TZ_PACKAGE_CHOICE_THEIRS)
        continue;
      sql = g_strdup_printf ("UPDATE \"%s\" SET updated_at = strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', "
                             "'now', '+1 second') WHERE id = ?",
                             r->spec->table);
      stmt = cached_stmt (p, sql, error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, r->pub.local_id);
      if (!tz_db_step_done (p->db, stmt, error))
        goto fail;
    }

  if (writes > 0)
    {
      g_autofree char *note = g_strdup (p->sender_uuid);
      log = tz_import_log_entry_new ();
      log->kind = g_strdup ("package");
      log->campaign_id = p->campaign_id;
      log->file_name = g_strdup (p->display_name);
      log->file_sha256 = g_strdup (p->file_sha256);
      log->rows_read = p->records->len;
      log->rows_added = s.n_new;
      log->rows_changed = writes - s.n_new;
      log->rows_unchanged = s.n_unchanged;
      log->rows_dropped = s.n_kept;
      log->note = g_steal_pointer (&note);
      if (!tz_import_log_add (p->db, log, NULL, error))
        goto fail;
    }
  reset_statements (p);
  if (!tz_db_commit (p->db, error))
    goto fail_nocommit;
  if (summary != NULL)
    *summary = s;
  /* What is in the database now is what the package said. */
  if (load_last_import (p, NULL))
    compare_all (p, NULL);
  reset_statements (p);
  return TRUE;

changed:
  g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
               _ ("%s: the database changed since the package was opened. Open the package "
                  "again to see what it would change now."),
               p->display_name);
fail:
  reset_statements (p);
  tz_db_rollback (p->db);
fail_nocommit:
  return FALSE;
}

/* The kind of record a field of that name refers to, in any kind's fields. */
static RefKind
field_ref (const char *field)
{
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint f = 0; f < kinds[k].n_fields; f++)
      if (kinds[k].fields[f].type == F_REF && g_str_equal (kinds[k].fields[f].name, field))
        return kinds[k].fields[f].ref;
  return REF_NONE;
}

char *
tz_package_diff_text (TzPackage *p, const TzPackageDiff *d, gboolean theirs, gboolean masked)
{
  const char *value = theirs ? d->theirs : d->ours;
  RefKind ref;

  g_return_val_if_fail (p != NULL && d != NULL, NULL);

  if (value == NULL)
    return NULL;
  if (masked && g_str_equal (d->field, "id_number"))
    return tz_mask_id_number (value);
  if (masked && g_str_equal (d->field, "phone"))
    return tz_mask_phone (value);
  ref = field_ref (d->field);
  if (ref != REF_NONE && ref != REF_OPINION)
    {
      /* A record the database has, by its uuid, or one the package brings. */
      g_autofree char *sql = g_strdup_printf (
          "SELECT %s FROM \"%s\" WHERE uuid = ?1",
          ref == REF_ENTRY || ref == REF_ACTIVITY ? "title" : "name", ref_table (ref));
      g_autoptr (sqlite3_stmt) stmt = tz_db_prepare (p->db, sql, NULL);

      if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            return tz_db_column_dup (stmt, 0);
        }
      for (guint i = 0; i < p->records->len; i++)
        {
          const Record *r = p->records->pdata[i];

          if (r->pub.uuid != NULL && g_str_equal (r->pub.uuid, value))
            return g_strdup (r->pub.name);
        }
    }
  return g_strdup (value);
}
