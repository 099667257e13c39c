import { graphql } from '../../api/generated';

export const BoardCompartmentFragment = graphql(`
  fragment BoardCompartment on Compartment {
    id
    label
    size
    status
    doorState
    version
    inspectionReason
    outOfServiceReason
    bank {
      id
    }
    currentSession {
      id
      status
      overdue
    }
  }
`);

export const BoardSnapshotQuery = graphql(`
  query BoardSnapshot($siteId: ID!) {
    site(id: $siteId) {
      id
      name
      timezone
      banks {
        id
        label
        gateway {
          id
        }
        controller {
          state
          since
          error
        }
        compartments {
          ...BoardCompartment
        }
      }
      gateways {
        id
        name
        online
        lastSeenAt
        mode
        offlineEventsWaiting
      }
    }
  }
`);

export const CompartmentUpdatedSubscription = graphql(`
  subscription CompartmentUpdated($siteId: ID) {
    compartmentUpdated(siteId: $siteId) {
      ...BoardCompartment
    }
  }
`);

export const DoorEventFieldsFragment = graphql(`
  fragment DoorEventFields on DoorEvent {
    id
    at
    type
    detail
    compartment {
      id
      label
    }
    session {
      id
    }
  }
`);

export const RecentDoorEventsQuery = graphql(`
  query RecentDoorEvents($siteId: ID, $first: Int) {
    doorEvents(siteId: $siteId, first: $first) {
      nodes {
        ...DoorEventFields
      }
    }
  }
`);

export const DoorEventsSubscription = graphql(`
  subscription DoorEventsLive($siteId: ID) {
    doorEvents(siteId: $siteId) {
      ...DoorEventFields
    }
  }
`);

export const OperatorOpenMutation = graphql(`
  mutation OperatorOpenCompartment($compartmentId: ID!, $reason: String!) {
    operatorOpenCompartment(compartmentId: $compartmentId, reason: $reason) {
      id
      at
      type
    }
  }
`);

export const SetOutOfServiceMutation = graphql(`
  mutation SetCompartmentOutOfService($compartmentId: ID!, $outOfService: Boolean!, $reason: String) {
    setCompartmentOutOfService(compartmentId: $compartmentId, outOfService: $outOfService, reason: $reason) {
      ...BoardCompartment
    }
  }
`);

export const RecordInspectionMutation = graphql(`
  mutation RecordCompartmentInspection($compartmentId: ID!, $outcome: InspectionOutcome!, $note: String) {
    recordCompartmentInspection(compartmentId: $compartmentId, outcome: $outcome, note: $note) {
      ...BoardCompartment
    }
  }
`);

export const GatewayUpdatedSubscription = graphql(`
  subscription GatewayUpdated($siteId: ID) {
    gatewayUpdated(siteId: $siteId) {
      id
      name
      online
      lastSeenAt
      mode
      offlineEventsWaiting
    }
  }
`);

export const BoardKiosksQuery = graphql(`
  query BoardKiosks($siteId: ID!) {
    site(id: $siteId) {
      id
      kiosks {
        id
        name
        lastSeenAt
        appVersion
        quiet
      }
    }
  }
`);
