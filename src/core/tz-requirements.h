/* tz-requirements.h — the work requirements of a track and the check of a work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A track's requirements are rows (key, value, note) in the requirement table
 * and in the campaign file. Known keys and the form of their values:
 *
 *   max_duration_seconds   integer seconds           视频时长在 1 分钟以内 → 60
 *   max_file_bytes         integer bytes             视频大小 100M 以下 → 104857600
 *   max_image_bytes        integer bytes             图片大小不得大于 2M → 2097152
 *   formats                comma-separated, upper    MP4,AVI
 *   aspect_ratio           W:H                       16:9
 *   orientation            landscape | portrait
 *   min_width, min_height  integer pixels            1920, 1080
 *   max_description_chars  integer characters        作品简介 ≤ 50 字
 *   max_summary_chars      integer characters        事迹简介 200 字
 *   material_chars         integer characters        about 1000 字 (a guide, not a limit)
 *   min_followers          integer                   粉丝量 1 万以上 → 10000
 *   original_within_days   integer days              一年内的原创作品 → 365
 *   text                   free text, not checked    不含角标、台标、水印或 logo
 *
 * Any other key is kept (and round-trips through the campaign file) but not checked.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint64 max_duration_seconds; /* 0: no limit, for every field below */
  gint64 max_file_bytes;
  gint64 max_image_bytes;
  char **formats;           /* NULL: any format */
  guint aspect_w, aspect_h; /* 0: any */
  char *orientation;        /* NULL, "landscape" or "portrait" */
  gint64 min_width, min_height;
  gint64 max_description_chars;
  gint64 max_summary_chars;
  gint64 min_followers;
} TzWorkRequirements;

/* What is known of one entry's work; -1 (or NULL) where unknown. */
typedef struct
{
  double duration_seconds;
  gint64 file_size;
  gboolean is_image;
  const char *format; /* "mp4", "MP4" or a file name ending in .mp4 */
  gint64 width, height;
  const char *description;
  const char *summary;
  gint64 followers;
} TzWorkInfo;

void tz_work_info_init (TzWorkInfo *info);

TzWorkRequirements *tz_work_requirements_new (void);
void tz_work_requirements_free (TzWorkRequirements *req);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzWorkRequirements, tz_work_requirements_free)

/* Whether @key is one of the keys above. */
gboolean tz_requirement_key_is_known (const char *key);

/* Sets one requirement from its stored key and value; a known key with a value
 * that does not parse is TZ_ERROR_INVALID naming the key, and leaves @req as it
 * was. Unknown keys are ignored. Also accepted: byte sizes with a K/M/G(B)
 * suffix in units of 1024 (100M), formats separated by 、 / ; or spaces and
 * with a leading dot (.mp4), a full-width colon in ratios, 横屏/竖屏. */
gboolean tz_work_requirements_set (TzWorkRequirements *req, const char *key, const char *value,
                                   GError **error);

/* Checks a work against the requirements: TRUE when it meets all of them.
 * Otherwise FALSE and @failures (if not NULL) receives one translated message
 * per failed requirement, each naming the requirement and the work's value.
 * On TRUE *@failures is set to NULL. Unknown work values (-1 / NULL, a width
 * or height <= 0) are not failures. Duration is compared to the nearest
 * second, the aspect ratio within 1 %, min_width × min_height (both given)
 * against the long and the short side whatever the orientation; an image with
 * no max_image_bytes falls under max_file_bytes. */
gboolean tz_work_requirements_check (const TzWorkRequirements *req, const TzWorkInfo *work,
                                     GPtrArray **failures);

G_END_DECLS
