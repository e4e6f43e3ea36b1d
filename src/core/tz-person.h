/* tz-person.h — people: nominees, authors, contacts of a form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tz-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  char *uuid;
  char *name;
  char *gender;     /* 男 / 女 */
  char *birth_date; /* YYYY-MM or YYYY-MM-DD */
  char *ethnicity;  /* the printed name of GB/T 3304: 汉族 */
  char *political;  /* the printed name of GB/T 4762: 中共党员 */
  char *id_number;  /* 18 characters, upper-case X */
  char *phone;      /* 11 digits */
  char *email;
  gint64 unit_id; /* a unit of the tree, 0 when the employer is not one */
  char *unit_name;
  char *employer; /* 工作单位 as written on the form */
  char *position; /* 职务 */
  char *title;    /* 职称 */
  char *note;
} TzPerson;

#define TZ_PERSON_MAX_NAME     50
#define TZ_PERSON_MAX_EMPLOYER 100
#define TZ_PERSON_MAX_POSITION 50
#define TZ_PERSON_MAX_TITLE    50
#define TZ_PERSON_MAX_NOTE     500

/* The fields of the personal recommendation form (推荐表), for checking them one
 * at a time while the user types. */
typedef enum
{
  TZ_PERSON_FIELD_NAME,
  TZ_PERSON_FIELD_GENDER,
  TZ_PERSON_FIELD_BIRTH_DATE,
  TZ_PERSON_FIELD_ETHNICITY,
  TZ_PERSON_FIELD_POLITICAL,
  TZ_PERSON_FIELD_ID_NUMBER,
  TZ_PERSON_FIELD_PHONE,
  TZ_PERSON_FIELD_EMAIL,
  TZ_PERSON_FIELD_EMPLOYER,
  TZ_PERSON_FIELD_POSITION,
  TZ_PERSON_FIELD_TITLE,
  TZ_PERSON_FIELD_NOTE,
} TzPersonField;

TzPerson *tz_person_new (void);
TzPerson *tz_person_copy (const TzPerson *person);
void tz_person_free (TzPerson *person);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzPerson, tz_person_free)

/* Normalises (ID upper-case, phone to 11 digits, 民族 and 政治面貌 to their printed
 * names, gender and birth month filled in from the ID number when empty) and checks
 * every field. On failure the message names the first field that is wrong. */
gboolean tz_person_normalize (TzDb *db, TzPerson *person, GError **error);

/* Checks one field of @person with the rule tz_person_save() applies to it (the
 * value may be untrimmed, as typed). The ID number is checked against the
 * gender and the date of birth when those are valid themselves. An empty
 * optional field passes. */
gboolean tz_person_check_field (const TzPerson *person, TzPersonField field, GError **error);

/* Normalises, checks (including that no other person has the ID number) and
 * saves: insert when id is 0, else update. Nothing is written on failure. */
gboolean tz_person_save (TzDb *db, TzPerson *person, GError **error);
gboolean tz_person_delete (TzDb *db, gint64 id, GError **error);
TzPerson *tz_person_get (TzDb *db, gint64 id, GError **error);

/* People whose name, unit or position contains @query (any part of it, one
 * character or more); all people when @query is empty. Ordered by id. */
GPtrArray *tz_person_search (TzDb *db, const char *query, guint offset, guint limit,
                             GError **error);
gint64 tz_person_count (TzDb *db, const char *query, GError **error);

/* The ids of the people tz_person_search() finds for @query, in the same order,
 * from one pass over the index: a list counts and pages them without searching
 * again. An array of gint64. */
GArray *tz_person_search_ids (TzDb *db, const char *query, GError **error);

/* The people with the @n_ids ids of @ids, in that order; an id that is no longer
 * in the database is left out. */
GPtrArray *tz_person_get_many (TzDb *db, const gint64 *ids, guint n_ids, GError **error);

/* A photo for the form: a PNG or JPEG file (judged by its content). */
gboolean tz_person_check_photo (const char *path, GError **error);

/* Stores a copy of @path as the person's photo (see tz-attachment.h), replacing
 * an earlier one, in one transaction. */
gboolean tz_person_set_photo (TzDb *db, gint64 person_id, const char *path, GError **error);

/* Where the person's stored photo is (absolute path); NULL without error when
 * the person has none. */
char *tz_person_get_photo (TzDb *db, gint64 person_id, GError **error);

/* tz_person_save() and, when @photo_path is not NULL, tz_person_set_photo() in one
 * transaction: on failure nothing is written and @person keeps its id. */
gboolean tz_person_save_with_photo (TzDb *db, TzPerson *person, const char *photo_path,
                                    GError **error);

G_END_DECLS
