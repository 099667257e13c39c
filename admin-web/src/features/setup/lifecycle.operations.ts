// Edits and retirement after creation: accounts, device tokens, sites, banks, compartments, tariffs.
import { graphql } from '../../api/generated';

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($userId: ID!, $name: String, $role: Role) {
    updateUser(userId: $userId, name: $name, role: $role) {
      id
      name
      role
    }
  }
`);

export const SetUserSitesMutation = graphql(`
  mutation SetUserSites($userId: ID!, $siteIds: [ID!]) {
    setUserSites(userId: $userId, siteIds: $siteIds) {
      id
      siteIds
    }
  }
`);

export const DeactivateUserMutation = graphql(`
  mutation DeactivateUser($userId: ID!) {
    deactivateUser(userId: $userId) {
      id
      disabledAt
    }
  }
`);

export const ReactivateUserMutation = graphql(`
  mutation ReactivateUser($userId: ID!) {
    reactivateUser(userId: $userId) {
      id
      disabledAt
    }
  }
`);

export const DeleteUserMutation = graphql(`
  mutation DeleteUser($userId: ID!) {
    deleteUser(userId: $userId)
  }
`);

export const ResetUserPasswordMutation = graphql(`
  mutation ResetUserPassword($userId: ID!, $password: String) {
    resetUserPassword(userId: $userId, password: $password) {
      oneTimePassword
      user {
        id
      }
    }
  }
`);

export const SignOutUserEverywhereMutation = graphql(`
  mutation SignOutUserEverywhere($userId: ID!) {
    signOutUserEverywhere(userId: $userId) {
      id
    }
  }
`);

export const RotateDeviceTokenMutation = graphql(`
  mutation RotateDeviceToken($deviceId: ID!, $graceSeconds: Int) {
    rotateDeviceToken(deviceId: $deviceId, graceSeconds: $graceSeconds) {
      id
      token
      oldTokenValidUntil
    }
  }
`);

export const RevokeDeviceTokenMutation = graphql(`
  mutation RevokeDeviceToken($deviceId: ID!) {
    revokeDeviceToken(deviceId: $deviceId)
  }
`);

export const UpdateLockerBankMutation = graphql(`
  mutation UpdateLockerBank($bankId: ID!, $label: String, $modbusEndpoint: String) {
    updateLockerBank(bankId: $bankId, label: $label, modbusEndpoint: $modbusEndpoint) {
      id
      label
      modbusEndpoint
    }
  }
`);

export const UpdateCompartmentMutation = graphql(`
  mutation UpdateCompartment($compartmentId: ID!, $label: String, $size: CompartmentSize) {
    updateCompartment(compartmentId: $compartmentId, label: $label, size: $size) {
      id
      label
      size
    }
  }
`);

export const RetireSiteMutation = graphql(`
  mutation RetireSite($siteId: ID!) {
    retireSite(siteId: $siteId) {
      id
      retiredAt
    }
  }
`);

export const RetireLockerBankMutation = graphql(`
  mutation RetireLockerBank($bankId: ID!) {
    retireLockerBank(bankId: $bankId) {
      id
      retiredAt
    }
  }
`);

export const RetireCompartmentMutation = graphql(`
  mutation RetireCompartment($compartmentId: ID!) {
    retireCompartment(compartmentId: $compartmentId) {
      id
      status
    }
  }
`);

export const RetireTariffMutation = graphql(`
  mutation RetireTariff($siteId: ID!, $size: CompartmentSize!) {
    retireTariff(siteId: $siteId, size: $size) {
      id
      retiredAt
    }
  }
`);
