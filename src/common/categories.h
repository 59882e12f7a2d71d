// The category ids of DESIGN.md, the one vocabulary used by the store,
// exports, reports and tests. Never invent an id outside this list.
#ifndef BREACHSCOPE_COMMON_CATEGORIES_H_
#define BREACHSCOPE_COMMON_CATEGORIES_H_

#include <array>
#include <string_view>

namespace breachscope {

inline constexpr std::array<std::string_view, 20> kCategoryIds = {
    "name",          "address",          "date_of_birth",
    "height",        "weight",           "phone",
    "email",         "service_date",     "service_location",
    "diagnosis",     "medication",       "medical_record_number",
    "patient_number", "health_insurance_number", "signature",
    "lab_result",    "medical_history",  "sin",
    "payment_card",  "government_id"};

// True when id is one of DESIGN.md's categories.
bool IsCategoryId(std::string_view id);

}  // namespace breachscope

#endif  // BREACHSCOPE_COMMON_CATEGORIES_H_
