/** A notebook link made by this site on 2026-12-06 (format version 1): a fixture for unit and browser tests. */
/** Committed as is, never regenerated: links made that day must keep opening. */
export const V1_LINK_2026_12_06 =
  "VZFRS8MwFIX_yuX4oiyDtcoeAhuIVHxQhCn4oCJZezdL06QmWemY3W-XdFPmU5KT3HO-Q3ZoIROBRhnWkDuUBSRKby8hEMqaIbFl5dAL5Ky1h3zdIWybeBG4CxCo48jZGV1Tm5CxgZfWVlSrgskaSifpdJyk48n0zcyp4iaQ8qRoVXZh41hSGaje-EAVc0O2YVOaNXrxl-K_NASMGlgc52xiaFQlnrL77OaZIq-gyClIG-4a68JHbgQVPrgyauuiodvF4wMNRenlLltkwwDNZ5ROkqvTxNoWHDOH1UNixVb78xNn2h-saXT0_h4YaHSEKFRQNKMDraA2ty3NaB_fXJwm5Z_KxTZBLfW_erVyFSQKGw_d7ycIbKMYkyGQW20dJCCwUjmHuO3f-x8";
