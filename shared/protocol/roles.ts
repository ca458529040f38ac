export const STAFF_ROLES = ['admin', 'chair', 'door'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = StaffRole | 'public';
