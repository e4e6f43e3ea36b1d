/* tz-report-bundle.h — being written */
#pragma once
