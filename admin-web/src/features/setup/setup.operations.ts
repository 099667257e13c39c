import { graphql } from '../../api/generated';

export const TariffFieldsFragment = graphql(`
  fragment TariffFields on Tariff {
    id
    size
    price {
      amount
      currency
    }
    includedMinutes
    overduePerHour {
      amount
      currency
    }
    graceMinutes
    securityAlertAfterMinutes
    retiredAt
  }
`);

export const SetupSiteQuery = graphql(`
  query SetupSite($id: ID!) {
    site(id: $id) {
      id
      name
      slug
      localNames {
        language
        name
      }
      timezone
      codeLifetimeMinutes
      depositWindowSeconds
      leftOpenSeconds
      unlockAckTimeoutSeconds
      gatewayHeartbeatSeconds
      pulseMs
      abandonAfterDays
      retiredAt
      tariffs {
        ...TariffFields
      }
      banks {
        id
        label
        modbusEndpoint
        retiredAt
        sizeDimensions {
          size
          widthCm
          heightCm
          depthCm
        }
        board {
          preset
          pulse
          timedUnitMs
          doorSource
          doorOpenWhen
          invertedInputs
          maxOnMs
        }
        gateway {
          id
          name
        }
        compartments {
          id
          label
          size
          status
          modbus {
            endpoint
            unitId
            coil
            doorInput
          }
        }
      }
      gateways {
        id
        name
        online
        lastSeenAt
      }
      kiosks {
        id
        name
        lastSeenAt
      }
    }
    boardProfiles {
      preset
      pulse
      timedUnitMs
      doorSource
      doorOpenWhen
    }
  }
`);

export const CreateSiteMutation = graphql(`
  mutation CreateSite($name: String!, $timezone: String!) {
    createSite(name: $name, timezone: $timezone) {
      id
      name
      timezone
    }
  }
`);

export const UpdateSiteMutation = graphql(`
  mutation UpdateSite(
    $id: ID!
    $name: String
    $slug: String
    $timezone: String
    $codeLifetimeMinutes: Int
    $depositWindowSeconds: Int
    $leftOpenSeconds: Int
    $unlockAckTimeoutSeconds: Int
    $gatewayHeartbeatSeconds: Int
    $pulseMs: Int
    $abandonAfterDays: Int
  ) {
    updateSite(
      id: $id
      name: $name
      slug: $slug
      timezone: $timezone
      codeLifetimeMinutes: $codeLifetimeMinutes
      depositWindowSeconds: $depositWindowSeconds
      leftOpenSeconds: $leftOpenSeconds
      unlockAckTimeoutSeconds: $unlockAckTimeoutSeconds
      gatewayHeartbeatSeconds: $gatewayHeartbeatSeconds
      pulseMs: $pulseMs
      abandonAfterDays: $abandonAfterDays
    ) {
      id
      name
      slug
      timezone
      codeLifetimeMinutes
      depositWindowSeconds
      leftOpenSeconds
      unlockAckTimeoutSeconds
      gatewayHeartbeatSeconds
      pulseMs
      abandonAfterDays
    }
  }
`);

export const CreateLockerBankMutation = graphql(`
  mutation CreateLockerBank(
    $siteId: ID!
    $label: String!
    $modbusEndpoint: String!
    $board: BoardProfileInput
    $compartments: [CompartmentInput!]!
  ) {
    createLockerBank(
      siteId: $siteId
      label: $label
      modbusEndpoint: $modbusEndpoint
      board: $board
      compartments: $compartments
    ) {
      id
      label
      compartments {
        id
        label
        size
        status
      }
    }
  }
`);

export const SetTariffMutation = graphql(`
  mutation SetTariff(
    $siteId: ID!
    $size: CompartmentSize!
    $price: Int!
    $currency: String!
    $includedMinutes: Int!
    $overduePerHour: Int!
    $graceMinutes: Int!
    $securityAlertAfterMinutes: Int!
  ) {
    setTariff(
      siteId: $siteId
      size: $size
      price: $price
      currency: $currency
      includedMinutes: $includedMinutes
      overduePerHour: $overduePerHour
      graceMinutes: $graceMinutes
      securityAlertAfterMinutes: $securityAlertAfterMinutes
    ) {
      ...TariffFields
    }
  }
`);

export const RegisterKioskMutation = graphql(`
  mutation RegisterKiosk($siteId: ID!, $name: String!) {
    registerKiosk(siteId: $siteId, name: $name) {
      id
      token
    }
  }
`);

export const RegisterGatewayMutation = graphql(`
  mutation RegisterGateway($siteId: ID!, $name: String!) {
    registerGateway(siteId: $siteId, name: $name) {
      id
      token
    }
  }
`);

export const UsersQuery = graphql(`
  query Users {
    users {
      id
      email
      role
      name
      disabledAt
      siteIds
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($email: String!, $password: String!, $role: Role!, $siteIds: [ID!]) {
    createUser(email: $email, password: $password, role: $role, siteIds: $siteIds) {
      id
      email
      role
      siteIds
    }
  }
`);

export const ApiKeysQuery = graphql(`
  query ApiKeys {
    apiKeys {
      id
      name
      scopes
      siteIds
      createdAt
      revokedAt
    }
  }
`);

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($name: String!, $scopes: [String!]!, $siteIds: [ID!]) {
    createApiKey(name: $name, scopes: $scopes, siteIds: $siteIds) {
      id
      name
      scopes
      siteIds
      secret
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      revokedAt
    }
  }
`);

export const SetLockerBankBoardMutation = graphql(`
  mutation SetLockerBankBoard($bankId: ID!, $board: BoardProfileInput!) {
    setLockerBankBoard(bankId: $bankId, board: $board) {
      id
      board {
        preset
        pulse
        timedUnitMs
        doorSource
        doorOpenWhen
        invertedInputs
        maxOnMs
      }
    }
  }
`);

export const SetBankSizeDimensionsMutation = graphql(`
  mutation SetBankSizeDimensions(
    $bankId: ID!
    $size: CompartmentSize!
    $widthCm: Int
    $heightCm: Int
    $depthCm: Int
  ) {
    setBankSizeDimensions(
      bankId: $bankId
      size: $size
      widthCm: $widthCm
      heightCm: $heightCm
      depthCm: $depthCm
    ) {
      id
      sizeDimensions {
        size
        widthCm
        heightCm
        depthCm
      }
    }
  }
`);

export const SetSiteLocalNamesMutation = graphql(`
  mutation SetSiteLocalNames($siteId: ID!, $names: [LocalSiteNameInput!]!) {
    setSiteLocalNames(siteId: $siteId, names: $names) {
      id
      localNames {
        language
        name
      }
    }
  }
`);
