/* tz-report-list.h — being written */
#pragma once
