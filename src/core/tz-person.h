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

TzPerson *tz_person_new (void);
void tz_person_free (TzPerson *person);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzPerson, tz_person_free)

/* Normalises (ID upper-case, phone to 11 digits, 民族 and 政治面貌 to their printed
 * names, gender and birth month filled in from the ID number when empty) and checks
 * every field. On failure the message names the first field that is wrong. */
gboolean tz_person_normalize (TzDb *db, TzPerson *person, GError **error);

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

G_END_DECLS
