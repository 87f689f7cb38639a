package dev.insight.core.programme;

/** The sector an organisation belongs to, as partnership reports group them. */
public enum Sector {
  /** The National Health Service: trusts, integrated care boards, primary care. */
  NHS,
  /** County, district and borough councils. */
  LOCAL_GOVERNMENT,
  /** Voluntary, community, faith and social enterprise organisations. */
  VCFSE,
  /** Police, fire and other public services. */
  OTHER_PUBLIC,
  /** Care providers. */
  CARE_PROVIDER,
  /** Healthwatch, the statutory patient champion. */
  HEALTHWATCH,
  /** Schools, colleges and universities. */
  EDUCATION,
  /** Private companies. */
  PRIVATE
}
